import { define } from "./define-error.js";

/** Errors of content files and entries: front matter, data syntax, schemas. Part of `catalog` (catalog.ts). */
export const contentErrors = {
  FrontMatterLanguage: define<{ language: string }>({
    code: "KILN_FRONTMATTER_LANGUAGE",
    title: "Front matter language not allowed",
    cause:
      "Front matter such as ---js would be code run at build time; Kiln reads front matter as data only (YAML, TOML or JSON).",
    message: ({ language }) =>
      `Front matter in "${language}" is not allowed: front matter is data and is never executed.`,
    hint: () =>
      "Write the front matter as YAML between `---` lines, TOML between `+++` lines, or JSON after `---json`.",
  }),
  FrontMatterUnclosed: define({
    code: "KILN_FRONTMATTER_UNCLOSED",
    title: "Front matter is not closed",
    cause:
      "A file starting with a `---` line has front matter, which ends at the next line holding only `---`; without it the whole file would be front matter.",
    message: () => "The front matter opened with `---` is never closed.",
    hint: () => "End the front matter with a line holding only `---`.",
  }),
  DataSyntax: define<{ format: string; reason: string; legacy?: string | undefined }>({
    code: "KILN_DATA_SYNTAX",
    title: "Data could not be parsed",
    cause:
      "The front matter or data file (YAML, TOML, JSON) has a syntax error; the parser's reason and position are given.",
    message: ({ format, reason }) => `Invalid ${format}: ${reason}`,
    hint: ({ legacy }) => legacy,
  }),
  DataNotObject: define<{ found: string }>({
    code: "KILN_DATA_NOT_OBJECT",
    title: "Entry data must be an object",
    cause:
      "An entry's data (front matter or a data file) must be a mapping of keys to values, not a list, a string or a number.",
    message: ({ found }) => `Entry data must be a mapping of keys to values, found ${found}.`,
  }),
  DataKeyForbidden: define<{ key: string }>({
    code: "KILN_DATA_KEY_FORBIDDEN",
    title: "Forbidden data key",
    cause:
      "Keys such as `__proto__` could change the behaviour of every object in the build (prototype pollution), so they are refused in content data.",
    message: ({ key }) => `The key \`${key}\` is not allowed in content data.`,
    hint: () => "Rename the key; `__proto__`, `constructor` and `prototype` are reserved.",
  }),
  DataKeyDuplicate: define<{ key: string; format: string }>({
    code: "KILN_DATA_KEY_DUPLICATE",
    title: "A key is given twice",
    cause:
      "The same key appears twice in one object of the front matter or data file; parsers differ on which value wins, so Kiln refuses it.",
    message: ({ key, format }) =>
      `The ${format} data gives the key "${key}" twice in one object; which value is meant is unclear.`,
    hint: () => "Keep one of the two.",
  }),
  EntryFieldMissing: define<{ collection: string; field: string }>({
    code: "KILN_ENTRY_FIELD_MISSING",
    title: "An entry lacks a required field",
    cause:
      "The collection's schema in kiln.config.ts requires a field that the entry's front matter or data does not have.",
    message: ({ collection, field }) =>
      `Field \`${field}\` is missing; the schema of collection "${collection}" requires it.`,
    hint: ({ field }) =>
      `Add \`${field}:\` to the entry, or make the field optional in the schema with .optional().`,
  }),
  EntryInvalid: define<{ collection: string; field: string; problem: string }>({
    code: "KILN_ENTRY_INVALID",
    title: "An entry does not match its collection's schema",
    cause:
      "The collection's schema in kiln.config.ts refuses a field's value: a wrong type, a value out of range, a date the calendar lacks.",
    message: ({ collection, field, problem }) =>
      `Field \`${field}\` does not match the schema of collection "${collection}": ${problem}.`,
    hint: ({ collection }) => `Fix the entry, or the schema of "${collection}" in the config.`,
  }),
  EntryDuplicate: define<{ collection: string; id: string; other: string }>({
    code: "KILN_ENTRY_DUPLICATE",
    title: "Two entries share an id",
    cause:
      "An entry's id is its path in the collection without extension, or the id a source gives it; two files (say post.md and post.mdx) or two items gave the same id.",
    message: ({ collection, id, other }) =>
      `Collection "${collection}" has two entries with id "${id}"; the other is ${other}.`,
    hint: () => "Rename one of the files.",
  }),
  CollectionUnknown: define<{ name: string; known: string }>({
    code: "KILN_COLLECTION_UNKNOWN",
    title: "Unknown collection",
    cause:
      "getCollection() or getEntry() named a collection that no folder in src/content/, no config entry and no source provides.",
    message: ({ name, known }) => `There is no collection named "${name}" (known: ${known}).`,
    hint: () => "Add a folder under src/content/ or declare the collection in the config.",
  }),
  ReferenceDangling: define<{ entry: string; field: string; target: string; known: string }>({
    code: "KILN_REFERENCE_DANGLING",
    title: "A reference names an entry that does not exist",
    cause:
      'A field declared with reference("<collection>") in a collection\'s schema holds an id that no entry of that collection has: a typo, or the entry was renamed or deleted.',
    message: ({ entry, field, target, known }) =>
      `Entry ${entry} refers to ${target} in \`${field}\`, and there is no such entry (some that exist: ${known}).`,
    hint: ({ target }) =>
      `Fix the id in the entry, or add ${target} (an entry's id is its file path in the collection without the extension).`,
  }),
  CollectionDirMissing: define<{ name: string; dir: string }>({
    code: "KILN_COLLECTION_DIR_MISSING",
    title: "A collection's folder does not exist",
    cause:
      "A collection's `dir` in the config names a folder that is not there (relative to the project), or that leaves the project.",
    message: ({ name, dir }) =>
      `Collection "${name}" reads its files from "${dir}" (collections.${name}.dir), which is not a folder of the project.`,
    hint: () =>
      'Give `dir` relative to the project root, such as "src/site/headless-cms/posts", or create the folder.',
  }),
} as const;
