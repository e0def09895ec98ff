import type { ResolvedConfig } from "../config/index.js";
import type { Entry, Source, SourceLogger } from "../content/index.js";

/** A page of the route table as plugins see it: read-only. */
export interface PluginRoute {
  /** The page's path on the site, such as `/blog/hello/`. */
  readonly url: string;
  /** The file written, relative to the output folder, with `/` separators. */
  readonly outputPath: string;
  /** The page file it comes from, relative to the project. */
  readonly pageFile: string;
  /** The page file's absolute path: a markdown page's source is its content. */
  readonly file?: string | undefined;
  readonly isNotFound: boolean;
  /** False for a file that is not an HTML page (`src/pages/feed.xml.ts`). */
  readonly isPage: boolean;
  readonly props: Readonly<Record<string, unknown>>;
  /** A markdown page's front matter (`aliases`, `noindex`, dates); {} for other pages. */
  readonly data: Readonly<Record<string, unknown>>;
  /** With `i18n`: the page's language, and its versions in every language (`x-default` last). */
  readonly locale?: string | undefined;
  readonly alternates?: readonly { hreflang: string; url: string }[] | undefined;
}

/** Every hook gets the plugin's own logger, which prefixes its messages with the plugin's name. */
interface HookBase {
  logger: SourceLogger;
}

export interface ConfigHookContext extends HookBase {
  /** The validated config; a plugin reads it and adds to it through the functions below. */
  readonly config: Readonly<ResolvedConfig>;
  /** Adds a content source, loaded after the file source and the config's `sources`. */
  addSource: (source: Source) => void;
}

export interface RoutesHookContext extends HookBase {
  readonly routes: readonly PluginRoute[];
}

export interface OutputHookContext extends HookBase {
  readonly config: Readonly<ResolvedConfig>;
  /** Every rendered page, sorted by output path. */
  readonly routes: readonly PluginRoute[];
  /**
   * Writes a file into the output (relative path, `/` separators). It is swapped in with the
   * rest of the build, so a later failure leaves the previous output whole.
   */
  writeFile: (relative: string, content: string | Uint8Array) => Promise<void>;
  /** A file already in the output (a page, a public file, an earlier plugin's file). */
  readFile: (relative: string) => Promise<Uint8Array>;
  /** Output paths already written by pages, public files or earlier plugins. */
  has: (relative: string) => boolean;
  /** A collection's entries, in the store's order; [] for an unknown name. */
  entries: (collection: string) => readonly Entry[];
  /** An entry's body as HTML, as `renderEntry()` gives it to pages. */
  renderEntry: (entry: Entry) => string;
}

export interface PageHookContext extends HookBase {
  /** The page's HTML as rendered (and as earlier plugins' `kiln:page` hooks left it). */
  readonly html: string;
  /** The page's path on the site, such as `/blog/hello/`. */
  readonly url: string;
}

/** Hooks in the order the runner calls them. */
export interface PluginHooks {
  /** After the config is loaded, before content: add sources. */
  "kiln:config"?: (context: ConfigHookContext) => void | Promise<void>;
  /** After the route table is made, before rendering. */
  "kiln:routes"?: (context: RoutesHookContext) => void | Promise<void>;
  /**
   * Each HTML page just rendered: return new HTML, or nothing to keep it. Runs where the page
   * renders (a render worker, the main thread, `kiln dev`), so it gets only the page and
   * must not keep state between pages.
   */
  "kiln:page"?: (context: PageHookContext) => string | void | Promise<string | void>;
  /** After every page is rendered, before the output is swapped in: write extra files. */
  "kiln:output"?: (context: OutputHookContext) => void | Promise<void>;
}

export type HookName = keyof PluginHooks;

/** `{ name, hooks }`: what goes in the config's `plugins`. */
export interface KilnPlugin {
  name: string;
  hooks: PluginHooks;
}

/** Types a plugin in a plain object literal; returns it as it is. */
export function definePlugin(plugin: KilnPlugin): KilnPlugin {
  return plugin;
}
