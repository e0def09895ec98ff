import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { CollectionConfig } from "../config/index.js";
import { KilnError, catalog, type SourceLocation } from "../errors/index.js";
import { isInside, walkFiles } from "../support/index.js";
import { detachStrings } from "./detach-strings.js";
import { globMatcher } from "./glob.js";
import { withLazyBody } from "./lazy-body.js";
import { ENTRY_EXTENSIONS, parseEntry } from "./parse-entry.js";
import type { Source, SourceContext } from "./source.js";

export interface FileSourceOptions {
  /** Gets each file that does not parse instead of the first failing the load (`kiln check`). */
  onInvalid?: ((error: KilnError) => void) | undefined;
  /** The config's collections: their `dir`, `include`, `exclude` and `invalid`. */
  collections?: Readonly<Record<string, CollectionConfig>> | undefined;
}

/**
 * Every folder under `src/content/` is a collection, and so is every configured collection with
 * a `dir`; every `.md`, `.mdx`, `.json`, `.yaml` file in it (at any depth, through symbolic
 * links) an entry, narrowed by the collection's `include`/`exclude`. Files and folders starting
 * with `_` or `.` are skipped. A file that does not parse fails the load, goes to `onInvalid`
 * (`kiln check`, a build listing them all), or with `invalid: "skip"` is left out with one
 * warning per collection.
 */
export function fileSource(
  contentDir: string,
  options: FileSourceOptions | ((error: KilnError) => void) = {},
): Source {
  const { onInvalid, collections = {} } =
    typeof options === "function" ? { onInvalid: options } : options;
  return {
    name: "kiln:files",
    async load(context) {
      const folders = await collectionFolders(contentDir, collections, context.root);
      for (const [collection, folder] of folders) {
        context.store.addCollection(collection);
        await loadFolder(context, collection, folder, collections[collection], onInvalid);
      }
    },
  };
}

/**
 * Collection name → folder: the folders of `src/content/` (a symbolic link to a folder counts,
 * `src/content/blog → ../content/blog`), then those the config places elsewhere with `dir`.
 */
async function collectionFolders(
  contentDir: string,
  collections: Readonly<Record<string, CollectionConfig>>,
  root: string,
): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  const dirents = await readdir(contentDir, { withFileTypes: true }).catch(() => []);
  for (const dirent of dirents) {
    if (isHidden(dirent.name)) continue;
    const folder = path.join(contentDir, dirent.name);
    const isFolder =
      dirent.isDirectory() ||
      (dirent.isSymbolicLink() && (await stat(folder).catch(() => undefined))?.isDirectory());
    if (isFolder) folders.set(dirent.name, folder);
  }
  for (const [name, collection] of Object.entries(collections)) {
    if (collection.dir === undefined) continue;
    const folder = path.resolve(root, collection.dir);
    // The schema keeps `dir` relative and free of `..`; this is the check that holds anyway.
    if (!isInside(root, folder) || !(await stat(folder).catch(() => undefined))?.isDirectory())
      throw new KilnError(catalog.CollectionDirMissing({ name, dir: collection.dir }));
    folders.set(name, folder);
  }
  return new Map([...folders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function loadFolder(
  { store, digest, logger, root }: SourceContext,
  collection: string,
  folder: string,
  config: CollectionConfig | undefined,
  onInvalid: ((error: KilnError) => void) | undefined,
): Promise<void> {
  const included = config?.include ? globMatcher(config.include) : () => true;
  const excluded = globMatcher(config?.exclude ?? []);
  const skipped: string[] = [];
  for (const file of await walkFiles(folder, isHidden)) {
    const relative = path.relative(folder, file).split(path.sep).join("/");
    if (!ENTRY_EXTENSIONS.has(path.extname(file)) || !included(relative) || excluded(relative))
      continue;
    const bytes = await readFile(file);
    let parsed: ReturnType<typeof parseEntry>;
    try {
      parsed = parseEntry(bytes, file);
    } catch (error) {
      if (!KilnError.is(error)) throw error;
      if (config?.invalid === "skip") skipped.push(describeSkipped(error, file, root));
      else if (onInvalid) onInvalid(error.within({ file }));
      else throw error;
      continue;
    }
    const entry = {
      id: entryId(relative),
      collection,
      data: detachStrings(parsed.data),
      digest: digest(bytes),
      origin: { file, bodyLine: parsed.bodyLine },
    };
    // Markdown bodies are read again when a page renders them, not kept in memory.
    store.set(parsed.body === "" ? { ...entry, body: "" } : withLazyBody(entry, file));
  }
  if (skipped.length > 0)
    logger.warn(
      `collection "${collection}" leaves out ${skipped.length} file(s) that do not parse ` +
        `(invalid: "skip"):\n${skipped.map((line) => `  ${line}`).join("\n")}`,
    );
}

/** `src/posts/bad.md:3:1 Invalid YAML: …`: one line of the skip warning. */
function describeSkipped(error: KilnError, file: string, root: string): string {
  const at: SourceLocation = error.location ?? { file };
  const position = at.line === undefined ? "" : `:${at.line}${at.column ? `:${at.column}` : ""}`;
  return `${path.relative(root, at.file)}${position} ${error.message}`;
}

function isHidden(name: string): boolean {
  return name.startsWith("_") || name.startsWith(".");
}

/**
 * `2024/hello.md` → `2024/hello`; `hello/index.md` → `hello`: a post in its own folder with its
 * images beside it (Gatsby's and Hugo's page bundles) is named by the folder.
 */
export function entryId(relative: string): string {
  const withoutExtension = relative.slice(0, -path.extname(relative).length);
  return withoutExtension.replace(/(^|\/)index$/, "") || "index";
}
