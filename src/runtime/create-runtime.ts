import type { ImageOptions } from "../assets/index.js";
import { importCompiled } from "../compile/index.js";
import type { ContentStore } from "../content/index.js";
import {
  createEntryRenderer,
  createMarkdownRenderer,
  type MarkdownOptions,
  type MdxModule,
} from "../markdown/index.js";
import { basePathPlugin, cspMetaPlugin } from "../outputs/index.js";
import { pageTransform, type KilnPlugin } from "../plugins/index.js";
import type { CodeStyles } from "./code-styles.js";
import { createMarkdownImageProcessor } from "./markdown-images.js";
import type { SiteRuntime } from "./site-runtime.js";

/** A module `bundleModules` compiled: its URL, and the user's file for messages. */
export interface CompiledModule {
  url: string;
  file: string;
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
  /** `site.base`: every page's root-relative URLs get it, after the plugins' page hooks. */
  base: string;
  /** `cspMeta`: each page's Content-Security-Policy in a `<meta>`, after every other hook. */
  cspMeta: boolean;
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
  for (const { digest, url, file } of spec.mdxEntries)
    mdxEntries.set(digest, await importCompiled<MdxModule>(url, file));
  let mdxComponents: Record<string, unknown> = {};
  if (spec.mdxComponents !== undefined) {
    const { url, file } = spec.mdxComponents;
    const module = await importCompiled<Record<string, unknown>>(url, file);
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
  const addPageUrls = (urls: readonly (readonly [string, string])[]) => {
    for (const [file, url] of urls) if (!pageUrls.has(file)) pageUrls.set(file, url);
  };
  return { store, entries, codeStyles: spec.codeStyles, transformPage, addPageUrls };
}

/** The config's plugins, from its compiled module (validated when the build loaded it). */
async function configPlugins({ url, file }: CompiledModule): Promise<KilnPlugin[]> {
  const module = await importCompiled<{ default?: { plugins?: KilnPlugin[] } }>(url, file);
  return module.default?.plugins ?? [];
}
