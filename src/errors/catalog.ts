/**
 * Every error a user can meet, in one object: `catalog`. Its larger groups live in
 * catalog-*.ts. Codes are permanent: documentation and searches point at them. Messages say
 * what happened; hints say what to do.
 */
import { deployErrors } from "./catalog-deploy.js";
import { initErrors } from "./catalog-init.js";
import { sourceErrors } from "./catalog-sources.js";
import { systemErrors } from "./catalog-system.js";
import { define } from "./define-error.js";

export type { CatalogEntry, ErrorDetails } from "./define-error.js";

export const catalog = {
  ConfigNotLoadable: define<{ reason: string }>({
    code: "KILN_CONFIG_LOAD",
    title: "The config file could not be loaded",
    message: ({ reason }) => `The config file could not be loaded: ${reason}`,
    hint: () => "Check the file for syntax errors; it must `export default defineConfig({...})`.",
  }),
  ConfigInvalid: define<{ field: string; problem: string }>({
    code: "KILN_CONFIG_INVALID",
    title: "The config has an invalid value",
    message: ({ field, problem }) => `Config field \`${field}\` is invalid: ${problem}.`,
    hint: () => "See the config reference in README.md for every key and its type.",
  }),
  ConfigKeyUnknown: define<{ field: string; suggestion: string | undefined }>({
    code: "KILN_CONFIG_KEY_UNKNOWN",
    title: "The config has a key Kiln does not know",
    message: ({ field }) => `Config field \`${field}\` is not a config option.`,
    hint: ({ suggestion }) =>
      suggestion
        ? `Did you mean \`${suggestion}\`?`
        : "See the config reference in README.md for every key and its type.",
  }),
  OutDirUnsafe: define<{ outDir: string; reason: string }>({
    code: "KILN_OUTDIR_UNSAFE",
    title: "The output folder is not safe to replace",
    message: ({ outDir, reason }) => `Refusing to use ${outDir} as the output folder: ${reason}.`,
    hint: () =>
      "Kiln replaces the whole output folder on every build. Point `outDir` at a folder of its own, such as `dist`.",
  }),
  BuildLocked: define<{ pid: number }>({
    code: "KILN_BUILD_LOCKED",
    title: "Another build is running",
    message: ({ pid }) => `Another Kiln build of this project is running (process ${pid}).`,
    hint: () => "Wait for it to finish. If no build runs, delete .kiln-build.lock and try again.",
  }),
  LinksBroken: define<{ count: number; list: string }>({
    code: "KILN_LINKS_BROKEN",
    title: "Links in the site lead nowhere",
    message: ({ count, list }) =>
      `${count} link${count === 1 ? "" : "s"} in the built site lead${count === 1 ? "s" : ""} nowhere:\n${list}`,
    hint: () =>
      'Fix each link (or the page it should reach); the previous output is unchanged. `checks: { links: "warn" }` in kiln.config.ts builds anyway and prints them.',
  }),
  AccessibilityProblems: define<{ count: number; list: string }>({
    code: "KILN_A11Y",
    title: "Pages are not accessible",
    message: ({ count, list }) =>
      `${count} accessibility problem${count === 1 ? "" : "s"} in the built site:\n${list}`,
    hint: () =>
      'Fix each one in the page or layout named; the previous output is unchanged. `checks: { a11y: "warn" }` in kiln.config.ts builds anyway and prints them.',
  }),
  ChecksFailed: define<{ reports: string }>({
    code: "KILN_CHECKS_FAILED",
    title: "The built site failed several checks",
    message: ({ reports }) => `The built site failed more than one check:\n\n${reports}`,
    hint: () =>
      'Fix each problem listed; the previous output is unchanged. `checks: { links: "warn", a11y: "warn" }` in kiln.config.ts builds anyway and prints them.',
  }),
  BuildVerifyFailed: define<{ count: number; files: string }>({
    code: "KILN_BUILD_VERIFY_FAILED",
    title: "The incremental output differs from a cold build",
    message: ({ count, files }) =>
      `${count} file${count === 1 ? "" : "s"} of the output differ from a cold build of the same input:\n${files}`,
    hint: () =>
      "This is a bug in Kiln's incremental builds: please report it with the files named. Delete .kiln/ and build again to get a correct output now.",
  }),
  Utf8Invalid: define<{ offset: number }>({
    code: "KILN_UTF8_INVALID",
    title: "The file is not valid UTF-8",
    message: ({ offset }) =>
      `The file is not valid UTF-8: bad byte sequence at byte offset ${offset}.`,
    hint: () => "Save the file as UTF-8.",
  }),
  FrontMatterLanguage: define<{ language: string }>({
    code: "KILN_FRONTMATTER_LANGUAGE",
    title: "Front matter language not allowed",
    message: ({ language }) =>
      `Front matter in "${language}" is not allowed: front matter is data and is never executed.`,
    hint: () =>
      "Write the front matter as YAML between `---` lines, TOML between `+++` lines, or JSON after `---json`.",
  }),
  FrontMatterUnclosed: define({
    code: "KILN_FRONTMATTER_UNCLOSED",
    title: "Front matter is not closed",
    message: () => "The front matter opened with `---` is never closed.",
    hint: () => "End the front matter with a line holding only `---`.",
  }),
  DataSyntax: define<{ format: string; reason: string }>({
    code: "KILN_DATA_SYNTAX",
    title: "Data could not be parsed",
    message: ({ format, reason }) => `Invalid ${format}: ${reason}`,
  }),
  DataNotObject: define<{ found: string }>({
    code: "KILN_DATA_NOT_OBJECT",
    title: "Entry data must be an object",
    message: ({ found }) => `Entry data must be a mapping of keys to values, found ${found}.`,
  }),
  DataKeyForbidden: define<{ key: string }>({
    code: "KILN_DATA_KEY_FORBIDDEN",
    title: "Forbidden data key",
    message: ({ key }) => `The key \`${key}\` is not allowed in content data.`,
    hint: () => "Rename the key; `__proto__`, `constructor` and `prototype` are reserved.",
  }),
  DataKeyDuplicate: define<{ key: string; format: string }>({
    code: "KILN_DATA_KEY_DUPLICATE",
    title: "A key is given twice",
    message: ({ key, format }) =>
      `The ${format} data gives the key "${key}" twice in one object; which value is meant is unclear.`,
    hint: () => "Keep one of the two.",
  }),
  EntryFieldMissing: define<{ collection: string; field: string }>({
    code: "KILN_ENTRY_FIELD_MISSING",
    title: "An entry lacks a required field",
    message: ({ collection, field }) =>
      `Field \`${field}\` is missing; the schema of collection "${collection}" requires it.`,
    hint: ({ field }) =>
      `Add \`${field}:\` to the entry, or make the field optional in the schema with .optional().`,
  }),
  EntryInvalid: define<{ collection: string; field: string; problem: string }>({
    code: "KILN_ENTRY_INVALID",
    title: "An entry does not match its collection's schema",
    message: ({ collection, field, problem }) =>
      `Field \`${field}\` does not match the schema of collection "${collection}": ${problem}.`,
    hint: ({ collection }) => `Fix the entry, or the schema of "${collection}" in the config.`,
  }),
  EntryDuplicate: define<{ collection: string; id: string; other: string }>({
    code: "KILN_ENTRY_DUPLICATE",
    title: "Two entries share an id",
    message: ({ collection, id, other }) =>
      `Collection "${collection}" has two entries with id "${id}"; the other is ${other}.`,
    hint: () => "Rename one of the files.",
  }),
  CollectionUnknown: define<{ name: string; known: string }>({
    code: "KILN_COLLECTION_UNKNOWN",
    title: "Unknown collection",
    message: ({ name, known }) => `There is no collection named "${name}" (known: ${known}).`,
    hint: () => "Add a folder under src/content/ or declare the collection in the config.",
  }),
  SourceFailed: define<{ source: string; reason: string }>({
    code: "KILN_SOURCE_FAILED",
    title: "A content source failed",
    message: ({ source, reason }) => `The content source "${source}" failed: ${reason}`,
    hint: () => "Run with --debug to see where it failed.",
  }),
  PageNoComponent: define({
    code: "KILN_PAGE_NO_COMPONENT",
    title: "A page has no component",
    message: () => "The page module has no default export to render.",
    hint: () => "Add `export default function Page() { ... }` to the page.",
  }),
  EndpointInvalid: define<{ problem: string }>({
    code: "KILN_ENDPOINT_INVALID",
    title: "A file page gave no file",
    message: ({ problem }) => `This page writes a file, not HTML, but ${problem}.`,
    hint: () =>
      'A page named like `feed.xml.ts` writes exactly what its default export returns: `export default function () { return "<rss>…</rss>"; }` (a string or bytes, or a promise of one).',
  }),
  PagePathsMissing: define({
    code: "KILN_PAGE_PATHS_MISSING",
    title: "A dynamic page has no paths()",
    message: () => "This dynamic route has no exported `paths()` function.",
    hint: () =>
      "Export `paths()` returning `[{ params: { ... }, props: { ... } }]`, one item for each page.",
  }),
  PagePathsInvalid: define<{ problem: string }>({
    code: "KILN_PAGE_PATHS_INVALID",
    title: "paths() returned a bad value",
    message: ({ problem }) => `paths() returned a bad value: ${problem}.`,
  }),
  PagePathsThrew: define<{ reason: string }>({
    code: "KILN_PAGE_PATHS_THREW",
    title: "paths() threw",
    message: ({ reason }) => `The page's paths() threw: ${reason}`,
  }),
  OutputConflict: define<{ output: string; page: string }>({
    code: "KILN_OUTPUT_CONFLICT",
    title: "A public file and a page write the same file",
    message: ({ output, page }) =>
      `The public file ${output} and the page ${page} both write ${output}.`,
    hint: () => "Remove or rename the public file, or the page.",
  }),
  RouteParamInvalid: define<{ param: string; value: string; problem: string }>({
    code: "KILN_ROUTE_PARAM_INVALID",
    title: "A route parameter cannot make a safe URL",
    message: ({ param, value, problem }) =>
      `Parameter \`${param}\` = ${JSON.stringify(value)} cannot be used in a URL: ${problem}.`,
    hint: () =>
      "Params are URL segments: no `..`, no backslashes, no control characters, no `/` except in [...rest] params.",
  }),
  PaginateInvalid: define<{ problem: string }>({
    code: "KILN_PAGINATE_INVALID",
    title: "paginate() was called with options it cannot use",
    message: ({ problem }) => `paginate() cannot make pages: ${problem}.`,
    hint: () =>
      'Pass a whole pageSize of at least 1 and the URL of page 1 as base: paginate(posts, { pageSize: 10, base: "/blog/" }).',
  }),
  RouteConflict: define<{ url: string; other: string }>({
    code: "KILN_ROUTE_CONFLICT",
    title: "Two routes write the same page",
    message: ({ url, other }) => `Two routes write ${url}: this one and ${other}.`,
    hint: () => "Rename one of the pages, or change the params its paths() returns.",
  }),
  RouteFileName: define<{ problem: string }>({
    code: "KILN_ROUTE_FILE_NAME",
    title: "A page file name is not a valid route",
    message: ({ problem }) => `This page's file name is not a valid route: ${problem}.`,
  }),
  LayoutMissing: define<{ layout: string; known: string }>({
    code: "KILN_LAYOUT_MISSING",
    title: "Layout not found",
    message: ({ layout, known }) => `The layout "${layout}" does not exist (known: ${known}).`,
    hint: () => "Add src/layouts/<Name>.tsx or fix the `layout` field in the front matter.",
  }),
  ModuleCompile: define<{ reason: string }>({
    code: "KILN_MODULE_COMPILE",
    title: "A page or component does not compile",
    message: ({ reason }) => reason,
  }),
  PackageMissing: define<{ name: string }>({
    code: "KILN_PACKAGE_MISSING",
    title: "An imported package is not installed",
    message: ({ name }) => `This file imports the package "${name}", which is not installed.`,
    hint: ({ name }) =>
      `Run \`npm install ${name}\` in the project folder (or fix the name if it is a typo).`,
  }),
  ModuleLoad: define<{ reason: string }>({
    code: "KILN_MODULE_LOAD",
    title: "A module threw while loading",
    message: ({ reason }) => `The module threw while loading: ${reason}`,
  }),
  RenderFailed: define<{ url: string; page: string; component: string; reason: string }>({
    code: "KILN_RENDER_FAILED",
    title: "A page failed to render",
    message: ({ url, page, component, reason }) =>
      `Rendering ${url} (page ${page}) failed in component <${component}>: ${reason}`,
  }),
  RootMissing: define<{ root: string }>({
    code: "KILN_ROOT_MISSING",
    title: "Project folder not found",
    message: ({ root }) => `The project folder ${root} does not exist.`,
  }),
  UsageInvalid: define<{ problem: string }>({
    code: "KILN_USAGE",
    title: "Invalid command line",
    message: ({ problem }) => problem,
    hint: () => "Run `kiln --help` for the commands and their flags.",
  }),
  PortInUse: define<{ port: number }>({
    code: "KILN_PORT_IN_USE",
    title: "Port in use",
    message: ({ port }) => `Port ${port} on 127.0.0.1 is already in use.`,
    hint: () => "Pass another port with --port.",
  }),
  OutputMissing: define<{ outDir: string }>({
    code: "KILN_OUTPUT_MISSING",
    title: "Nothing built yet",
    message: ({ outDir }) => `There is no built site in ${outDir}.`,
    hint: () => "Run `kiln build` first.",
  }),
  // assets: islands, client scripts, styles, images (issue 7)
  IslandPropsInvalid: define<{ island: string; prop: string; found: string }>({
    code: "KILN_ISLAND_PROPS",
    title: "An island's props cannot be sent to the browser",
    message: ({ island, prop, found }) =>
      `The island ${island} got ${found} in ${prop}; an island's props travel to the browser as JSON.`,
    hint: () =>
      "Pass strings, numbers, booleans, null, arrays and plain objects. Render children and functions inside the island itself.",
  }),
  IslandUnbundled: define<{ island: string }>({
    code: "KILN_ISLAND_UNBUNDLED",
    title: "An island was not bundled",
    message: ({ island }) => `The island ${island} was rendered but has no client bundle.`,
    hint: () => "Islands are the default exports of files directly in src/islands/.",
  }),
  ScriptUnbundled: define<{ src: string }>({
    code: "KILN_SCRIPT_UNBUNDLED",
    title: "A client script was not bundled",
    message: ({ src }) => `<Script src="${src}"> names no client module of this build.`,
    hint: () =>
      'Import the module with a ?client suffix (`import theme from "../scripts/theme.ts?client"`) and pass what the import gives.',
  }),
  ImageAltMissing: define<{ image: string }>({
    code: "KILN_IMAGE_ALT",
    title: "An image has no alt text",
    message: ({ image }) => `<Image> of ${image} has no alt text.`,
    hint: () =>
      'Describe the image for people who cannot see it: alt="…". A purely decorative image takes alt="".',
  }),
  ImageUnknown: define<{ src: string }>({
    code: "KILN_IMAGE_UNKNOWN",
    title: "An image was not processed",
    message: ({ src }) => `<Image> got ${src}, which is not an imported image.`,
    hint: () =>
      'Import the file and pass what the import gives: `import photo from "../images/a.jpg"`.',
  }),
  ImageTooLarge: define<{ image: string; size: string; limit: string }>({
    code: "KILN_IMAGE_TOO_LARGE",
    title: "An image is too large",
    message: ({ image, size, limit }) => `${image} is ${size}; the limit is ${limit}.`,
    hint: () =>
      "Make the source smaller, or raise assets.images.maxBytes / maxPixels in kiln.config.",
  }),
  ImageUnreadable: define<{ image: string; reason: string }>({
    code: "KILN_IMAGE_UNREADABLE",
    title: "An image cannot be read",
    message: ({ image, reason }) => `${image} cannot be decoded: ${reason}`,
    hint: () => "Kiln reads JPEG, PNG, WebP, AVIF, GIF and TIFF files.",
  }),
  ClientBundle: define<{ reason: string }>({
    code: "KILN_CLIENT_BUNDLE",
    title: "Browser code does not bundle",
    message: ({ reason }) => reason,
    hint: () =>
      "Islands and client scripts run in the browser: they cannot import node: modules or `kiln-ssg` itself.",
  }),
  // markdown (issue 3)
  MarkdownTooDeep: define<{ limit: number }>({
    code: "KILN_MARKDOWN_TOO_DEEP",
    title: "Markdown is nested too deeply",
    message: ({ limit }) =>
      `Lists or blockquotes here are nested more than ${limit} levels deep; the text below that depth cannot be rendered.`,
    hint: () => "Flatten the nesting: no reader follows a hundred levels of indentation.",
  }),
  MarkdownLinkMissing: define<{ target: string }>({
    code: "KILN_MARKDOWN_LINK_MISSING",
    title: "A markdown link points at a file that does not exist",
    message: ({ target }) =>
      `The link to "${target}" points at a markdown file that does not exist.`,
    hint: () => "Fix the path (it is relative to this file), or link to the page's URL instead.",
  }),
  MarkdownLinksMissing: define<{ count: number; list: string }>({
    code: "KILN_MARKDOWN_LINK_MISSING",
    title: "Markdown links point at files that do not exist",
    message: ({ count, list }) =>
      `${count} markdown links point at markdown files that do not exist:\n${list}`,
    hint: () => "Fix each path (it is relative to its file), or link to the page's URL instead.",
  }),
  MarkdownThemeUnknown: define<{ theme: string }>({
    code: "KILN_MARKDOWN_THEME_UNKNOWN",
    title: "Unknown syntax highlighting theme",
    message: ({ theme }) => `"${theme}" is not a highlight.js style.`,
    hint: () =>
      "Set markdown.highlight.light and .dark in kiln.config.ts to highlight.js style names (the files in highlight.js/styles without .css), such as github and github-dark.",
  }),
  MarkdownImageInvalid: define<{ target: string; problem: string }>({
    code: "KILN_MARKDOWN_IMAGE_INVALID",
    title: "A markdown image cannot be published",
    message: ({ target, problem }) => `The image "${target}" ${problem}.`,
    hint: () =>
      "Local images are paths relative to the markdown file, inside the project; put shared images in public/ and link them as /name.png.",
  }),
  MdxCompile: define<{ reason: string }>({
    code: "KILN_MDX_COMPILE",
    title: "An MDX file does not compile",
    message: ({ reason }) => `The MDX does not compile: ${reason}`,
    hint: () =>
      "MDX is stricter than markdown: close every tag, escape a literal `<` or `{` with a backslash.",
  }),
  MdxRender: define<{ reason: string }>({
    code: "KILN_MDX_RENDER",
    title: "An MDX page failed to render",
    message: ({ reason }) => `The MDX page failed to render: ${reason}`,
    hint: () =>
      "A component used in MDX must be imported in the file or exported as `components` by its layout.",
  }),
  // Shards and merge (issue 5)
  MergeNotShard: define<{ dir: string }>({
    code: "KILN_MERGE_NOT_SHARD",
    title: "Not a shard output",
    message: ({ dir }) => `${dir} has no shard manifest (.kiln-shard.json).`,
    hint: () => "Pass the output folders of `kiln build --shard i/n`, one per shard.",
  }),
  MergeShardSet: define<{ problem: string }>({
    code: "KILN_MERGE_SHARD_SET",
    title: "Incomplete set of shards",
    message: ({ problem }) => `The shards do not make one whole build: ${problem}.`,
    hint: () => "Pass exactly one output of each shard 1/n … n/n of the same build.",
  }),
  MergeConflict: define<{ file: string; first: string; second: string }>({
    code: "KILN_MERGE_CONFLICT",
    title: "Two shards wrote different files at one path",
    message: ({ file, first, second }) =>
      `${file} differs between ${first} and ${second}; the merged site cannot hold both.`,
    hint: () => "Build every shard from the same commit and the same content.",
  }),
  MergeFileChanged: define<{ file: string; dir: string }>({
    code: "KILN_MERGE_FILE_CHANGED",
    title: "A shard file does not match its manifest",
    message: ({ file, dir }) =>
      `${file} in ${dir} is missing or changed since the shard was built.`,
    hint: () => "Rebuild that shard, or pass its output folder as it was written.",
  }),
  // markdown images through the image pipeline (issue 7)
  MarkdownImageAltMissing: define<{ target: string }>({
    code: "KILN_IMAGE_ALT",
    title: "A markdown image has no alt text",
    message: ({ target }) => `The image "${target}" has no alt text.`,
    hint: () =>
      'Describe the image for people who cannot see it: ![what it shows](photo.jpg). Markdown cannot mark an image decorative; use <Image alt=""> or raw HTML for that.',
  }),
  PluginFailed: define<{ plugin: string; hook: string; reason: string }>({
    code: "KILN_PLUGIN_FAILED",
    title: "A plugin failed",
    message: ({ plugin, hook, reason }) => `The plugin "${plugin}" failed in ${hook}: ${reason}`,
    hint: () => "Run with --debug to see where it failed; the plugin's name is its `name` field.",
  }),
  PluginOutputConflict: define<{ plugin: string; file: string }>({
    code: "KILN_PLUGIN_OUTPUT_CONFLICT",
    title: "A plugin writes a file that already exists",
    message: ({ plugin, file }) =>
      `The plugin "${plugin}" writes ${file}, which a page, a public file or another plugin already wrote.`,
    hint: () => "Rename one of them, or turn the plugin's output off in the config.",
  }),
  SearchIndexFailed: define<{ problems: readonly string[] }>({
    code: "KILN_SEARCH_INDEX",
    title: "The search index could not be built",
    message: ({ problems }) =>
      `The search index (config \`search\`) could not be built:\n` +
      problems.map((problem) => `  ${problem}`).join("\n"),
    hint: () =>
      "The indexer is Pagefind, whose program comes in the package @pagefind/<os>-<cpu>: run `npm install` again on this machine, or set `search: false` to build without search.",
  }),
  RedirectConflict: define<{ problems: string[] }>({
    code: "KILN_REDIRECT_CONFLICT",
    title: "Redirects and aliases that cannot be served",
    message: ({ problems }) =>
      `These redirects (config \`redirects\`, front matter \`aliases\`) cannot be served:\n` +
      problems.map((problem) => `  ${problem}`).join("\n"),
    hint: () =>
      "A URL is either a page, a file or one redirect: remove the redirect or alias, or move the page.",
  }),
  ...sourceErrors,
  ...deployErrors,
  ...systemErrors,
  ...initErrors,
} as const;
