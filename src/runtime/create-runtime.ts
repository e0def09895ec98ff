import type { ImageOptions } from "../assets/index.js";
import { importCompiled, type CompiledFolder } from "../compile/index.js";
import type { ContentStore } from "../content/index.js";
import {
  createEntryRenderer,
  createMarkdownRenderer,
  type MarkdownOptions,
  type MdxModule,
} from "../markdown/index.js";
import { createGraphqlRuntime, type GraphqlModel } from "../graphql/index.js";
import { basePathPlugin, cspMetaPlugin } from "../outputs/index.js";
import { pageTransform, type KilnPlugin } from "../plugins/index.js";
import type { CodeStyles } from "./code-styles.js";
import { createMarkdownImageProcessor } from "./markdown-images.js";
import type { SiteRuntime } from "./site-runtime.js";

/** A module `bundleModules` compiled: its URL, the user's file for messages, and its files. */
export interface CompiledModule {
  url: string;
  file: string;
  /** The compile's output, written again if `.kiln/` is deleted before the module loads. */
  folder?: CompiledFolder | undefined;
}

/**
 * A site runtime as plain data, so the main thread and every render worker make theirs from
 * the same description (`workerData` cannot carry functions or modules).
 */
export interface RuntimeSpec {
  markdown: Omit<MarkdownOptions, "warn" | "processImage">;
  /** Encode local raster images of markdown like `<Image>` (the build does; dev does not yet). */
  images?: { root: string; options: ImageOptions } | undefined;
  /** Markdown page file → URL, for rewriting `./other.md` links. */
  pageUrls: [string, string][];
  /** `.mdx` entries by digest, compiled. */
  mdxEntries: (CompiledModule & { digest: string })[];
  /** The compiled `markdown.mdxComponents` module. */
  mdxComponents?: CompiledModule | undefined;
  /** The stylesheet pages with highlighted code link to, when code is highlighted. */
  codeStyles?: CodeStyles | undefined;
  /** The compiled kiln.config, whose plugins' `kiln:page` hooks run where each page renders. */
  config?: CompiledModule | undefined;
  /** The compiled pages and layouts, which render workers import as pages come to them. */
  pages?: CompiledFolder | undefined;
  /** `site.base`: every page's root-relative URLs get it, after the plugins' page hooks. */
  base: string;
  /** `cspMeta`: each page's Content-Security-Policy in a `<meta>`, after every other hook. */
  cspMeta: boolean;
  /** The collections' data schemas, which `query()`'s GraphQL schema is made from. */
  graphql?: GraphqlModel | undefined;
}

export async function createSiteRuntime(
  store: ContentStore,
  spec: RuntimeSpec,
  warn?: (message: string) => void,
): Promise<SiteRuntime> {
  const markdown = createMarkdownRenderer({
    ...spec.markdown,
    warn,
    ...(spec.images
      ? { processImage: createMarkdownImageProcessor(spec.images.root, spec.images.options) }
      : {}),
  });
  const pageUrls = new Map(spec.pageUrls);
  const mdxEntries = new Map<string, MdxModule>();
  for (const { digest, url, file, folder } of spec.mdxEntries)
    mdxEntries.set(digest, await importCompiled<MdxModule>(url, file, folders(folder)));
  let mdxComponents: Record<string, unknown> = {};
  if (spec.mdxComponents !== undefined) {
    const { url, file, folder } = spec.mdxComponents;
    const module = await importCompiled<Record<string, unknown>>(url, file, folders(folder));
    mdxComponents = Object.fromEntries(Object.entries(module).filter(([k]) => k !== "default"));
  }
  const entries = createEntryRenderer({
    markdown,
    resolveUrl: (file) => pageUrls.get(file),
    mdxEntries,
    mdxComponents,
  });
  const say = (message: string) => warn?.(message);
  const plugins = [
    ...(spec.config ? await configPlugins(spec.config) : []),
    ...(spec.base === "/" ? [] : [basePathPlugin(spec.base)]),
    ...(spec.cspMeta ? [cspMetaPlugin()] : []),
  ];
  const transformPage = pageTransform(plugins, { info: say, warn: say });
  const graphql = spec.graphql && createGraphqlRuntime(spec.graphql);
  const addPageUrls = (urls: readonly (readonly [string, string])[]) => {
    for (const [file, url] of urls) if (!pageUrls.has(file)) pageUrls.set(file, url);
  };
  return { store, entries, codeStyles: spec.codeStyles, transformPage, graphql, addPageUrls };
}

/** The config's plugins, from its compiled module (validated when the build loaded it). */
async function configPlugins({ url, file, folder }: CompiledModule): Promise<KilnPlugin[]> {
  type Config = { plugins?: KilnPlugin[] } | undefined;
  const module = await importCompiled<{ default?: Config | Promise<Config> }>(
    url,
    file,
    folders(folder),
  );
  // A config may export a promise of itself (see loadConfig).
  return (await module.default)?.plugins ?? [];
}

function folders(folder: CompiledFolder | undefined): CompiledFolder[] {
  return folder ? [folder] : [];
}
