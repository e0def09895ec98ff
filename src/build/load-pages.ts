import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { ComponentType } from "preact";
import {
  bundleModules,
  importCompiled,
  type BundleModulesOptions,
  type CompiledFolder,
} from "../compile/index.js";
import { locateField, parseEntry, trackReads } from "../content/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { renderMdx } from "../markdown/index.js";
import { DefaultLayout } from "../render/index.js";
import {
  COMPONENT_EXTENSIONS,
  isDynamic,
  type PageDefinition,
  type PageFile,
} from "../routes/index.js";
import { runInSite, type MarkdownBody, type SiteRuntime } from "../runtime/index.js";
import { sha256 } from "../support/index.js";
import { mdxPlugin } from "./mdx-plugin.js";
import type { ProjectPaths } from "./project-paths.js";

type AnyComponent = ComponentType<Record<string, unknown>>;

/** A page ready to be expanded into routes and rendered. */
export interface LoadedPage {
  page: PageFile;
  component: AnyComponent;
  /** URL of the compiled module whose default export is `component`, for render workers. */
  moduleUrl: string | undefined;
  /** Props every route of this page gets (a markdown page's body and front matter). */
  props: Record<string, unknown>;
  /** What a dynamic page's `paths()` returned. */
  paths?: readonly unknown[];
  /** The page's `paths()` itself: the dev server calls it again when content changes. */
  callPaths?: () => unknown;
  /** Files this page was built from, and store reads of its `paths()`. */
  inputs: string[];
  /** The compiled source file whose export renders it (the page, or a markdown page's layout). */
  module?: string;
  /** A markdown page's body, which renders with the page. */
  markdown?: MarkdownBody | undefined;
}

interface PageModule {
  default?: unknown;
  paths?: unknown;
  /** A layout's components for the MDX pages it lays out. */
  components?: unknown;
}

/** What the route table needs of a loaded page. */
export function routeDefinition(loaded: LoadedPage): PageDefinition {
  const data = loaded.props["frontmatter"];
  return {
    page: loaded.page,
    paths: loaded.paths,
    data: typeof data === "object" && data !== null ? (data as Record<string, unknown>) : undefined,
  };
}

/** Compiles the pages and layouts, imports them, and calls `paths()` of dynamic pages. */
export interface LoadPagesOptions {
  paths: ProjectPaths;
  /** The page files found in src/pages. */
  pages: readonly PageFile[];
  /** What `paths()` and markdown pages read and render with. */
  runtime: SiteRuntime;
  /** Layout of markdown pages whose front matter names none. */
  defaultLayout: string | undefined;
  /** esbuild plugins of other stages for the server compile (the assets stage's). */
  plugins?: BundleModulesOptions["plugins"];
}

export async function loadPages({
  paths,
  pages,
  runtime,
  defaultLayout,
  plugins,
}: LoadPagesOptions): Promise<{ pages: LoadedPage[]; folder: CompiledFolder }> {
  const resolveUrl = runtime.entries.resolveUrl ?? (() => undefined);
  const layouts = await listLayouts(paths.layoutsDir);
  const entries = [
    ...pages.filter((p) => p.kind !== "markdown").map((p) => p.file),
    ...layouts.values(),
  ];
  const bundled = await bundleModules({
    root: paths.root,
    entries,
    outDir: path.join(paths.cacheDir, "server"),
    plugins: [...(plugins ?? []), mdxPlugin(resolveUrl)],
  });
  const modules = new Map<string, PageModule>();
  for (const file of entries)
    modules.set(
      file,
      await importCompiled<PageModule>(bundled.modules.get(file)!, file, [bundled.folder]),
    );

  const loaded: LoadedPage[] = [];
  for (const page of pages) {
    if (page.kind === "markdown" || page.kind === "mdx") {
      loaded.push(
        await loadMarkdownPage(page, {
          layouts,
          modules,
          moduleInputs: bundled.inputs,
          moduleUrls: bundled.modules,
          runtime,
          defaultLayout,
        }),
      );
      continue;
    }
    const module = modules.get(page.file)!;
    const component = module.default;
    if (typeof component !== "function")
      throw new KilnError(catalog.PageNoComponent(), { file: page.file });
    const inputs = bundled.inputs.get(page.file) ?? [page.file];
    const moduleUrl = bundled.modules.get(page.file);
    if (!isDynamic(page)) {
      loaded.push({
        page,
        component: component as AnyComponent,
        moduleUrl,
        props: {},
        inputs,
        module: page.file,
      });
      continue;
    }
    if (typeof module.paths !== "function")
      throw new KilnError(catalog.PagePathsMissing(), { file: page.file });
    const pathsOf = module.paths as () => unknown;
    const { paths: result, reads } = await expandPaths(page.file, pathsOf, runtime);
    loaded.push({
      page,
      component: component as AnyComponent,
      moduleUrl,
      props: {},
      paths: result,
      callPaths: pathsOf,
      inputs: [...inputs, ...reads],
      module: page.file,
    });
  }
  return { pages: loaded, folder: bundled.folder };
}

interface MarkdownPageContext {
  layouts: ReadonlyMap<string, string>;
  modules: ReadonlyMap<string, PageModule>;
  moduleInputs: ReadonlyMap<string, string[]>;
  moduleUrls: ReadonlyMap<string, string>;
  runtime: SiteRuntime;
  defaultLayout: string | undefined;
}

async function loadMarkdownPage(page: PageFile, context: MarkdownPageContext): Promise<LoadedPage> {
  const { layouts, modules, moduleInputs } = context;
  const { markdown, mdxComponents } = context.runtime.entries;
  const mdx = page.kind === "mdx" ? modules.get(page.file)! : undefined;
  let frontmatter: Record<string, unknown>;
  let render: (components: unknown) => Record<string, unknown>;
  let body: MarkdownBody | undefined;
  if (mdx) {
    frontmatter = (mdx as { frontmatter?: Record<string, unknown> }).frontmatter ?? {};
    render = (components) => {
      const content = renderMdx(mdx, components, page.file, mdxComponents);
      return { ...content, toc: markdown.toc(content.headings) };
    };
  } else {
    // Only the front matter is needed now: the body renders where the page renders.
    const bytes = await readFile(page.file);
    const parsed = parseEntry(bytes, page.file);
    body = { file: page.file, bodyLine: parsed.bodyLine, digest: sha256(bytes) };
    frontmatter = parsed.data;
    render = () => ({ frontmatter });
  }
  const inputs = [page.file, ...(moduleInputs.get(page.file) ?? [])];
  const layoutName = frontmatter.layout ?? context.defaultLayout;
  if (layoutName === undefined)
    return {
      page,
      component: DefaultLayout as unknown as AnyComponent,
      moduleUrl: undefined,
      props: runInSite(context.runtime, () => render({})),
      inputs,
      markdown: body,
    };
  const layoutFile = typeof layoutName === "string" ? layouts.get(layoutName) : undefined;
  if (!layoutFile) {
    throw new KilnError(
      catalog.LayoutMissing({
        layout: String(layoutName),
        known: [...layouts.keys()].join(", ") || "none",
      }),
      frontmatter.layout === undefined
        ? undefined
        : { file: page.file, ...locateField(page.file, ["layout"]) },
    );
  }
  const layout = modules.get(layoutFile)!;
  const component = layout.default;
  if (typeof component !== "function")
    throw new KilnError(catalog.PageNoComponent(), { file: layoutFile });
  return {
    page,
    component: component as AnyComponent,
    moduleUrl: context.moduleUrls.get(layoutFile),
    props: runInSite(context.runtime, () => render(layout.components)),
    inputs: [...new Set([...inputs, ...(moduleInputs.get(layoutFile) ?? [])])],
    module: layoutFile,
    markdown: body,
  };
}

/**
 * Calls a dynamic page's `paths()` in the site, and returns what it gave and what it read
 * from the store. The build and the dev server (when content changes) both expand pages here.
 */
export async function expandPaths(
  file: string,
  pathsOf: () => unknown,
  runtime: SiteRuntime,
): Promise<{ paths: unknown[]; reads: string[] }> {
  const { result, reads } = await trackReads(async () => {
    try {
      return await runInSite(runtime, pathsOf);
    } catch (error) {
      if (KilnError.is(error)) throw error.within({ file });
      throw new KilnError(
        catalog.PagePathsThrew({ reason: String(error) }),
        { file },
        { cause: error },
      );
    }
  });
  if (!Array.isArray(result))
    throw new KilnError(catalog.PagePathsInvalid({ problem: "expected an array" }), { file });
  return { paths: result, reads };
}

/** `src/layouts/Post.tsx` is the layout "Post". */
async function listLayouts(layoutsDir: string): Promise<Map<string, string>> {
  const layouts = new Map<string, string>();
  if (!existsSync(layoutsDir)) return layouts;
  for (const name of (await readdir(layoutsDir)).sort()) {
    const extension = path.extname(name);
    if (COMPONENT_EXTENSIONS.has(extension) && !name.endsWith(".d.ts")) {
      layouts.set(name.slice(0, -extension.length), path.join(layoutsDir, name));
    }
  }
  return layouts;
}
