/**
 * Every error a user can meet, in one object: `catalog`. Its larger groups live in
 * catalog-*.ts. Codes are permanent: documentation and searches point at them. Messages say
 * what happened; hints say what to do.
 */
import { checkErrors } from "./catalog-check.js";
import { contentErrors } from "./catalog-content.js";
import { deployErrors } from "./catalog-deploy.js";
import { graphqlErrors } from "./catalog-graphql.js";
import { initErrors } from "./catalog-init.js";
import { renderErrors } from "./catalog-render.js";
import { shardErrors } from "./catalog-shard.js";
import { sourceErrors } from "./catalog-sources.js";
import { systemErrors } from "./catalog-system.js";
import { define } from "./define-error.js";
import { docsPage } from "./docs-url.js";

export type { CatalogEntry, ErrorDetails } from "./define-error.js";

export const catalog = {
  ConfigNotLoadable: define<{ reason: string }>({
    code: "KILN_CONFIG_LOAD",
    title: "The config file could not be loaded",
    cause:
      "kiln.config.ts (or .mts, .js, .mjs) is compiled with esbuild and imported before anything else; a syntax error, an import that fails or a missing default export stops there.",
    message: ({ reason }) => `The config file could not be loaded: ${reason}`,
    hint: () => "Check the file for syntax errors; it must `export default defineConfig({...})`.",
  }),
  ConfigInvalid: define<{ field: string; problem: string }>({
    code: "KILN_CONFIG_INVALID",
    title: "The config has an invalid value",
    cause:
      "The config's default export is validated against Kiln's config schema; a value of the wrong type or out of its range is refused, with the key's path and its line in the config.",
    message: ({ field, problem }) => `Config field \`${field}\` is invalid: ${problem}.`,
    hint: () => `See the config reference, ${docsPage("config")}, for every key and its type.`,
  }),
  ConfigKeyUnknown: define<{ field: string; suggestion: string | undefined }>({
    code: "KILN_CONFIG_KEY_UNKNOWN",
    title: "The config has a key Kiln does not know",
    cause:
      "The config is strict: a key Kiln does not know is more often a typo than an option, so it is refused rather than ignored.",
    message: ({ field }) => `Config field \`${field}\` is not a config option.`,
    hint: ({ suggestion }) =>
      suggestion
        ? `Did you mean \`${suggestion}\`?`
        : `See the config reference, ${docsPage("config")}, for every key and its type.`,
  }),
  OutDirUnsafe: define<{ outDir: string; reason: string }>({
    code: "KILN_OUTDIR_UNSAFE",
    title: "The output folder is not safe to replace",
    cause:
      "Every build replaces the whole output folder. An output folder that is the project, contains it, overlaps src/, public/ or .kiln/, or holds a .git folder would lose files that are not Kiln's.",
    message: ({ outDir, reason }) => `Refusing to use ${outDir} as the output folder: ${reason}.`,
    hint: () =>
      "Kiln replaces the whole output folder on every build. Point `outDir` at a folder of its own, such as `dist`.",
  }),
  BuildLocked: define<{ pid: number }>({
    code: "KILN_BUILD_LOCKED",
    title: "Another build is running",
    cause:
      "Two builds of one project at once would write the same cache and output; a build holds .kiln-build.lock while it runs.",
    message: ({ pid }) =>
      pid > 0
        ? `Another Kiln build of this project is running (process ${pid}).`
        : "Another Kiln build of this project holds .kiln-build.lock (the lock names no process).",
    hint: () => "Wait for it to finish. If no build runs, delete .kiln-build.lock and try again.",
  }),
  LinksBroken: define<{ count: number; list: string }>({
    code: "KILN_LINKS_BROKEN",
    title: "Links in the site lead nowhere",
    cause:
      "After rendering, every internal href, src and srcset of every page must lead to a file of the output, and every #fragment to an id on its page (`checks.links`).",
    message: ({ count, list }) =>
      `${count} link${count === 1 ? "" : "s"} in the built site lead${count === 1 ? "s" : ""} nowhere:\n${list}`,
    hint: () =>
      'Fix each link (or the page it should reach); the previous output is unchanged. `checks: { links: "warn" }` in kiln.config.ts builds anyway and prints them.',
  }),
  AccessibilityProblems: define<{ count: number; list: string }>({
    code: "KILN_A11Y",
    title: "Pages are not accessible",
    cause:
      "After rendering, each page is checked for images without alt, a missing lang or <title>, skipped heading levels, links and buttons without a name, duplicate ids and form controls without a label (`checks.a11y`).",
    message: ({ count, list }) =>
      `${count} accessibility problem${count === 1 ? "" : "s"} in the built site:\n${list}`,
    hint: () =>
      'Fix each one in the page or layout named; the previous output is unchanged. `checks: { a11y: "warn" }` in kiln.config.ts builds anyway and prints them.',
  }),
  EntriesInvalid: define<{ count: number; list: string }>({
    code: "KILN_ENTRIES_INVALID",
    title: "Content entries that do not parse or fail their schema",
    cause:
      "More than one content file could not be read or did not match its collection's schema; a build lists them all rather than stopping at the first.",
    message: ({ count, list }) => `${count} content entries cannot be used:\n${list}`,
    hint: () =>
      "Fix each entry at the file and line named (its code says what is wrong); the previous output is unchanged.",
  }),
  ChecksFailed: define<{ reports: string }>({
    code: "KILN_CHECKS_FAILED",
    title: "The built site failed several checks",
    cause:
      "Both the link check and the accessibility check found problems in one build; they are reported together so that fixing one does not reveal the other only on the next build.",
    message: ({ reports }) => `The built site failed more than one check:\n\n${reports}`,
    hint: () =>
      'Fix each problem listed; the previous output is unchanged. `checks: { links: "warn", a11y: "warn" }` in kiln.config.ts builds anyway and prints them.',
  }),
  BuildVerifyFailed: define<{ count: number; files: string }>({
    code: "KILN_BUILD_VERIFY_FAILED",
    title: "The incremental output differs from a cold build",
    cause:
      "`kiln build --verify` builds the same input again, cold, and compares the two outputs byte for byte; a difference means the incremental build reused something stale.",
    message: ({ count, files }) =>
      `${count} file${count === 1 ? "" : "s"} of the output differ from a cold build of the same input:\n${files}`,
    hint: () =>
      "This is a bug in Kiln's incremental builds: please report it with the files named. Delete .kiln/ and build again to get a correct output now.",
  }),
  Utf8Invalid: define<{ offset: number }>({
    code: "KILN_UTF8_INVALID",
    title: "The file is not valid UTF-8",
    cause:
      "Content and page files are decoded as strict UTF-8, so a file saved in another encoding (Latin-1, UTF-16) is refused instead of showing replacement characters.",
    message: ({ offset }) =>
      `The file is not valid UTF-8: bad byte sequence at byte offset ${offset}.`,
    hint: () => "Save the file as UTF-8.",
  }),
  SourceFailed: define<{ source: string; reason: string }>({
    code: "KILN_SOURCE_FAILED",
    title: "A content source failed",
    cause:
      "A content source (from the config or a plugin) threw an error that is not one of Kiln's own.",
    message: ({ source, reason }) => `The content source "${source}" failed: ${reason}`,
    hint: () => "Run with --debug to see where it failed.",
  }),
  PageNoComponent: define({
    code: "KILN_PAGE_NO_COMPONENT",
    title: "A page has no component",
    cause: "A page file under src/pages/ must default-export the component that renders it.",
    message: () => "The page module has no default export to render.",
    hint: () => "Add `export default function Page() { ... }` to the page.",
  }),
  EndpointInvalid: define<{ problem: string }>({
    code: "KILN_ENDPOINT_INVALID",
    title: "A file page gave no file",
    cause:
      "A page named like a file (feed.xml.ts) writes what its default export returns, which must be a string or bytes, or a promise of one.",
    message: ({ problem }) => `This page writes a file, not HTML, but ${problem}.`,
    hint: () =>
      'A page named like `feed.xml.ts` writes exactly what its default export returns: `export default function () { return "<rss>…</rss>"; }` (a string or bytes, or a promise of one).',
  }),
  PagePathsMissing: define({
    code: "KILN_PAGE_PATHS_MISSING",
    title: "A dynamic page has no paths()",
    cause:
      "A page whose file name has a [param] makes one page per item of its paths(); without paths() Kiln cannot know which pages to make.",
    message: () => "This dynamic route has no exported `paths()` function.",
    hint: () =>
      "Export `paths()` returning `[{ params: { ... }, props: { ... } }]`, one item for each page.",
  }),
  PagePathsInvalid: define<{ problem: string }>({
    code: "KILN_PAGE_PATHS_INVALID",
    title: "paths() returned a bad value",
    cause:
      "paths() must return an array of { params, props? } whose params fill every [param] of the file name.",
    message: ({ problem }) => `paths() returned a bad value: ${problem}.`,
  }),
  PagePathsThrew: define<{ reason: string }>({
    code: "KILN_PAGE_PATHS_THREW",
    title: "paths() threw",
    cause: "The page's paths() function threw an error while the route table was made.",
    message: ({ reason }) => `The page's paths() threw: ${reason}`,
  }),
  OutputConflict: define<{ output: string; page: string }>({
    code: "KILN_OUTPUT_CONFLICT",
    title: "A public file and a page write the same file",
    cause: "A file in public/ and a page would be written to the same path of the output.",
    message: ({ output, page }) =>
      `The public file ${output} and the page ${page} both write ${output}.`,
    hint: () => "Remove or rename the public file, or the page.",
  }),
  RouteParamInvalid: define<{ param: string; value: string; problem: string }>({
    code: "KILN_ROUTE_PARAM_INVALID",
    title: "A route parameter cannot make a safe URL",
    cause:
      "A value paths() returned for a [param] would make an unsafe or ambiguous URL: `..`, a backslash, a control character, or a `/` outside a [...rest] param.",
    message: ({ param, value, problem }) =>
      `Parameter \`${param}\` = ${JSON.stringify(value)} cannot be used in a URL: ${problem}.`,
    hint: () =>
      "Params are URL segments: no `..`, no backslashes, no control characters, no `/` except in [...rest] params.",
  }),
  PaginateInvalid: define<{ problem: string }>({
    code: "KILN_PAGINATE_INVALID",
    title: "paginate() was called with options it cannot use",
    cause:
      "A page's paths() called paginate() with a pageSize that is not a whole number of at least 1, or a base URL that does not start with `/`.",
    message: ({ problem }) => `paginate() cannot make pages: ${problem}.`,
    hint: () =>
      'Pass a whole pageSize of at least 1 and the URL of page 1 as base: paginate(posts, { pageSize: 10, base: "/blog/" }).',
  }),
  RouteConflict: define<{ url: string; other: string }>({
    code: "KILN_ROUTE_CONFLICT",
    title: "Two routes write the same page",
    cause: "Two pages, or two items of one page's paths(), would be written to the same URL.",
    message: ({ url, other }) => `Two routes write ${url}: this one and ${other}.`,
    hint: () => "Rename one of the pages, or change the params its paths() returns.",
  }),
  RouteFileName: define<{ problem: string }>({
    code: "KILN_ROUTE_FILE_NAME",
    title: "A page file name is not a valid route",
    cause:
      "A file name under src/pages/ cannot be read as a route: a parameter given twice, a [...rest] parameter that is not the last part, or brackets mixed with text in one part.",
    message: ({ problem }) => `This page's file name is not a valid route: ${problem}.`,
  }),
  LayoutMissing: define<{ layout: string; known: string }>({
    code: "KILN_LAYOUT_MISSING",
    title: "Layout not found",
    cause:
      "A markdown page names a layout (front matter `layout:` or `markdown.layout`) that has no file in src/layouts/.",
    message: ({ layout, known }) => `The layout "${layout}" does not exist (known: ${known}).`,
    hint: () => "Add src/layouts/<Name>.tsx or fix the `layout` field in the front matter.",
  }),
  ModuleCompile: define<{ reason: string }>({
    code: "KILN_MODULE_COMPILE",
    title: "A page or component does not compile",
    cause:
      "esbuild could not compile a page, layout or component: a syntax error, or an import it cannot resolve.",
    message: ({ reason }) => reason,
  }),
  PackageMissing: define<{ name: string }>({
    code: "KILN_PACKAGE_MISSING",
    title: "An imported package is not installed",
    cause: "A page or component imports a package that is not in the project's node_modules.",
    message: ({ name }) => `This file imports the package "${name}", which is not installed.`,
    hint: ({ name }) =>
      `Run \`npm install ${name}\` in the project folder (or fix the name if it is a typo).`,
  }),
  ModuleLoad: define<{ reason: string }>({
    code: "KILN_MODULE_LOAD",
    title: "A module threw while loading",
    cause:
      "A page or component module threw when it was imported, before rendering: code at its top level failed.",
    message: ({ reason }) => `The module threw while loading: ${reason}`,
  }),
  RenderFailed: define<{ url: string; page: string; component: string; reason: string }>({
    code: "KILN_RENDER_FAILED",
    title: "A page failed to render",
    cause:
      "A component threw while the page was rendered to HTML; the component and the page are named.",
    message: ({ url, page, component, reason }) =>
      `Rendering ${url} (page ${page}) failed in component <${component}>: ${reason}`,
  }),
  RootMissing: define<{ root: string }>({
    code: "KILN_ROOT_MISSING",
    title: "Project folder not found",
    cause: "The folder given to the command (or the current folder) does not exist.",
    message: ({ root }) => `The project folder ${root} does not exist.`,
  }),
  UsageInvalid: define<{ problem: string }>({
    code: "KILN_USAGE",
    title: "Invalid command line",
    cause:
      "The command line has an unknown command, an unknown flag or a flag value Kiln cannot use.",
    message: ({ problem }) => problem,
    hint: () => "Run `kiln --help` for the commands and their flags.",
  }),
  PortInUse: define<{ port: number }>({
    code: "KILN_PORT_IN_USE",
    title: "Port in use",
    cause: "Another program already listens on the port `kiln serve` was asked to use.",
    message: ({ port }) => `Port ${port} on 127.0.0.1 is already in use.`,
    hint: () => "Pass another port with --port.",
  }),
  OutputMissing: define<{ outDir: string }>({
    code: "KILN_OUTPUT_MISSING",
    title: "Nothing built yet",
    cause: "`kiln serve` and `kiln deploy` use the built output, and there is none yet.",
    message: ({ outDir }) => `There is no built site in ${outDir}.`,
    hint: () => "Run `kiln build` first.",
  }),
  // assets: islands, client scripts, styles, images (issue 7)
  IslandPropsInvalid: define<{ island: string; prop: string; found: string }>({
    code: "KILN_ISLAND_PROPS",
    title: "An island's props cannot be sent to the browser",
    cause:
      "An island is rendered at build time and hydrated in the browser with the same props, sent as JSON; functions, children, class instances and the like cannot travel.",
    message: ({ island, prop, found }) =>
      `The island ${island} got ${found} in ${prop}; an island's props travel to the browser as JSON.`,
    hint: () =>
      "Pass strings, numbers, booleans, null, arrays and plain objects. Render children and functions inside the island itself.",
  }),
  IslandUnbundled: define<{ island: string }>({
    code: "KILN_ISLAND_UNBUNDLED",
    title: "An island was not bundled",
    cause:
      "A component was rendered as an island, but no client bundle was made for it: it is not a default export of a file directly in src/islands/.",
    message: ({ island }) => `The island ${island} was rendered but has no client bundle.`,
    hint: () => "Islands are the default exports of files directly in src/islands/.",
  }),
  ScriptUnbundled: define<{ src: string }>({
    code: "KILN_SCRIPT_UNBUNDLED",
    title: "A client script was not bundled",
    cause:
      '<Script src> takes the value of an `import x from "…?client"` import; anything else names no module of the build.',
    message: ({ src }) => `<Script src="${src}"> names no client module of this build.`,
    hint: () =>
      'Import the module with a ?client suffix (`import theme from "../scripts/theme.ts?client"`) and pass what the import gives.',
  }),
  ImageAltMissing: define<{ image: string }>({
    code: "KILN_IMAGE_ALT",
    title: "An image has no alt text",
    cause:
      'Every image needs alt text for people who cannot see it; alt="" marks an image as decorative.',
    message: ({ image }) => `<Image> of ${image} has no alt text.`,
    hint: () =>
      'Describe the image for people who cannot see it: alt="…". A purely decorative image takes alt="".',
  }),
  ImageUnknown: define<{ src: string }>({
    code: "KILN_IMAGE_UNKNOWN",
    title: "An image was not processed",
    cause:
      '<Image src> takes an image imported in the page (`import photo from "./photo.jpg"`), which the build encodes; a plain string is not one.',
    message: ({ src }) => `<Image> got ${src}, which is not an imported image.`,
    hint: () =>
      'Import the file and pass what the import gives: `import photo from "../images/a.jpg"`.',
  }),
  ImageTooLarge: define<{ image: string; size: string; limit: string }>({
    code: "KILN_IMAGE_TOO_LARGE",
    title: "An image is too large",
    cause:
      "Images larger than `assets.images.maxBytes` or `assets.images.maxPixels` are refused before decoding, so one huge file cannot exhaust the machine's memory.",
    message: ({ image, size, limit }) => `${image} is ${size}; the limit is ${limit}.`,
    hint: () =>
      "Make the source smaller, or raise assets.images.maxBytes / maxPixels in kiln.config.",
  }),
  ImageUnreadable: define<{ image: string; reason: string }>({
    code: "KILN_IMAGE_UNREADABLE",
    title: "An image cannot be read",
    cause:
      "sharp could not decode the image: the file is damaged, empty, or in a format other than its extension says.",
    message: ({ image, reason }) => `${image} cannot be decoded: ${reason}`,
    hint: () => "Kiln reads JPEG, PNG, WebP, AVIF, GIF and TIFF files.",
  }),
  ClientBundle: define<{ reason: string }>({
    code: "KILN_CLIENT_BUNDLE",
    title: "Browser code does not bundle",
    cause:
      "esbuild could not bundle browser code (an island, a client script or a stylesheet): a syntax error, an unresolvable import, or an import of Node-only code.",
    message: ({ reason }) => reason,
    hint: () =>
      "Islands and client scripts run in the browser: they cannot import node: modules or `kiln-ssg` itself.",
  }),
  // markdown (issue 3)
  MarkdownTooDeep: define<{ limit: number }>({
    code: "KILN_MARKDOWN_TOO_DEEP",
    title: "Markdown is nested too deeply",
    cause:
      "Lists or blockquotes nested past the limit would make rendering slow or exhaust the stack; such input is refused rather than rendered.",
    message: ({ limit }) =>
      `Lists or blockquotes here are nested more than ${limit} levels deep; the text below that depth cannot be rendered.`,
    hint: () => "Flatten the nesting: no reader follows a hundred levels of indentation.",
  }),
  MarkdownLinkMissing: define<{ target: string }>({
    code: "KILN_MARKDOWN_LINK_MISSING",
    title: "A markdown link points at a file that does not exist",
    cause:
      "Links to markdown files become links to their pages; a link to a .md file that does not exist would be a broken link in the site.",
    message: ({ target }) =>
      `The link to "${target}" points at a markdown file that does not exist.`,
    hint: () => "Fix the path (it is relative to this file), or link to the page's URL instead.",
  }),
  MarkdownLinksMissing: define<{ count: number; list: string }>({
    code: "KILN_MARKDOWN_LINK_MISSING",
    title: "Markdown links point at files that do not exist",
    cause:
      "Links to markdown files become links to their pages; a link to a .md file that does not exist would be a broken link in the site.",
    message: ({ count, list }) =>
      `${count} markdown links point at markdown files that do not exist:\n${list}`,
    hint: () => "Fix each path (it is relative to its file), or link to the page's URL instead.",
  }),
  MarkdownProblems: define<{ count: number; list: string }>({
    code: "KILN_MARKDOWN_PROBLEMS",
    title: "Markdown files have problems",
    cause:
      "Rendering found images without alt, local images that cannot be used or links to markdown files that do not exist; a build lists them for every page at once.",
    message: ({ count, list }) => `${count} problems in markdown files:\n${list}`,
    hint: () => "Fix each one at the file and line named (its code says what is wrong).",
  }),
  MarkdownThemeUnknown: define<{ theme: string }>({
    code: "KILN_MARKDOWN_THEME_UNKNOWN",
    title: "Unknown syntax highlighting theme",
    cause: "`markdown.highlight.light` or `.dark` names a style highlight.js does not ship.",
    message: ({ theme }) => `"${theme}" is not a highlight.js style.`,
    hint: () =>
      "Set markdown.highlight.light and .dark in kiln.config.ts to highlight.js style names (the files in highlight.js/styles without .css), such as github and github-dark.",
  }),
  MarkdownImageInvalid: define<{ target: string; problem: string }>({
    code: "KILN_MARKDOWN_IMAGE_INVALID",
    title: "A markdown image cannot be published",
    cause:
      "A local image in markdown is encoded by the image pipeline; the file must exist inside the project and be an image.",
    message: ({ target, problem }) => `The image "${target}" ${problem}.`,
    hint: () =>
      "Local images are paths relative to the markdown file, inside the project; put shared images in public/ and link them as /name.png.",
  }),
  MdxCompile: define<{ reason: string }>({
    code: "KILN_MDX_COMPILE",
    title: "An MDX file does not compile",
    cause:
      "@mdx-js/mdx could not compile the .mdx file: MDX is stricter than markdown, so an unclosed tag, a stray `<` or `{` or a bad import is a syntax error.",
    message: ({ reason }) => `The MDX does not compile: ${reason}`,
    hint: () =>
      "MDX is stricter than markdown: close every tag, escape a literal `<` or `{` with a backslash.",
  }),
  MdxRender: define<{ reason: string }>({
    code: "KILN_MDX_RENDER",
    title: "An MDX page failed to render",
    cause: "A component used in an MDX page or entry threw while it was rendered.",
    message: ({ reason }) => `The MDX page failed to render: ${reason}`,
    hint: () =>
      "A component used in MDX must be imported in the file or exported as `components` by its layout.",
  }),
  ...shardErrors,
  // markdown images through the image pipeline (issue 7)
  MarkdownImageAltMissing: define<{ target: string }>({
    code: "KILN_IMAGE_ALT",
    title: "A markdown image has no alt text",
    cause:
      "Every image needs alt text for people who cannot see it; markdown has no way to mark an image decorative, so an empty alt is refused.",
    message: ({ target }) => `The image "${target}" has no alt text.`,
    hint: () =>
      'Describe the image for people who cannot see it: ![what it shows](photo.jpg). Markdown cannot mark an image decorative; use <Image alt=""> or raw HTML for that.',
  }),
  PluginFailed: define<{ plugin: string; hook: string; reason: string }>({
    code: "KILN_PLUGIN_FAILED",
    title: "A plugin failed",
    cause: "A plugin's hook threw an error; the plugin and hook are named.",
    message: ({ plugin, hook, reason }) => `The plugin "${plugin}" failed in ${hook}: ${reason}`,
    hint: () => "Run with --debug to see where it failed; the plugin's name is its `name` field.",
  }),
  PluginOutputConflict: define<{ plugin: string; file: string }>({
    code: "KILN_PLUGIN_OUTPUT_CONFLICT",
    title: "A plugin writes a file that already exists",
    cause:
      "A plugin's writeFile() named a path that a page, a public file or another plugin already wrote.",
    message: ({ plugin, file }) =>
      `The plugin "${plugin}" writes ${file}, which a page, a public file or another plugin already wrote.`,
    hint: () => "Rename one of them, or turn the plugin's output off in the config.",
  }),
  SearchIndexFailed: define<{ problems: readonly string[] }>({
    code: "KILN_SEARCH_INDEX",
    title: "The search index could not be built",
    cause:
      "With `search` on, every page is fed to Pagefind as it renders; Pagefind's program is missing for this machine, refused a page, or stopped answering (out of memory, for one).",
    message: ({ problems }) =>
      `The search index (config \`search\`) could not be built:\n` +
      problems.map((problem) => `  ${problem}`).join("\n"),
    hint: () =>
      "The indexer is Pagefind, whose program comes in the package @pagefind/<os>-<cpu>: run `npm install` again on this machine, or set `search: false` to build without search.",
  }),
  RedirectConflict: define<{ problems: string[] }>({
    code: "KILN_REDIRECT_CONFLICT",
    title: "Redirects and aliases that cannot be served",
    cause:
      "A redirect (config `redirects` or front matter `aliases`) starts at a URL that is already a page or a public file, two redirects start at one URL, or an alias is malformed.",
    message: ({ problems }) =>
      `These redirects (config \`redirects\`, front matter \`aliases\`) cannot be served:\n` +
      problems.map((problem) => `  ${problem}`).join("\n"),
    hint: () =>
      "A URL is either a page, a file or one redirect: remove the redirect or alias, or move the page.",
  }),
  ...contentErrors,
  ...sourceErrors,
  ...deployErrors,
  ...systemErrors,
  ...initErrors,
  ...checkErrors,
  ...renderErrors,
  ...graphqlErrors,
} as const;
