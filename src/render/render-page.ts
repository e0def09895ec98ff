import { h, type ComponentType, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { KilnError, catalog } from "../errors/index.js";
import { thrownReason } from "../support/index.js";
import { traceComponents } from "./component-trace.js";
import { assembleDocument, type SiteInfo } from "./document.js";
import { HeadCollector, HeadContext } from "./head.js";
import { mergeRootAttributes, type RootAttributes } from "./root-attributes.js";
import { absoluteUrl, PageContext } from "./page-context.js";
import {
  IslandCollector,
  IslandContext,
  renderClientHead,
  type IslandManifest,
} from "./page-assets.js";

export interface RenderPageInput {
  /** The page's URL, for messages. */
  url: string;
  /** The page's source file, for messages. */
  file: string;
  /** The page's path under src/pages, for messages. */
  page: string;
  component: ComponentType<Record<string, unknown>>;
  props: Record<string, unknown>;
  site: SiteInfo;
  /** The build's client bundles; without them a page that uses an island fails to render. */
  islands?: IslandManifest | undefined;
  /** Tags every page gets at the end of its `<head>` (such as speculation rules). */
  headTags?: readonly string[] | undefined;
  /** The `<link>` of the highlighted-code stylesheet: added to pages with highlighted code. */
  codeStylesheet?: string | undefined;
}

/** What the markdown stage's highlighter puts on every highlighted `<code>`. */
const HIGHLIGHTED = '<code class="hljs ';

/**
 * (page, props, site) → a complete HTML document. Pure and synchronous, so it can run in
 * a worker; it touches no file system.
 */
export function renderPage(input: RenderPageInput): string {
  const page = {
    url: input.url,
    absoluteUrl: absoluteUrl(input.url, input.site),
    site: input.site,
  };
  // Every page and layout gets the site and its own absolute URL (for canonical links).
  const props = { ...input.props, site: input.site, absoluteUrl: page.absoluteUrl };
  const collector = new HeadCollector();
  const islands = new IslandCollector(input.islands);
  const tree = h(
    IslandContext.Provider,
    { value: { collector: islands, strategy: undefined, inside: false } },
    h(
      PageContext.Provider,
      { value: page },
      h(HeadContext.Provider, { value: collector }, h(input.component, props)),
    ),
  );
  const body = traceComponents(() => renderToString(tree));
  if (!body.ok) {
    if (KilnError.is(body.error)) throw body.error.within({ file: input.file });
    const reason = thrownReason(body.error);
    throw new KilnError(
      catalog.RenderFailed({ url: input.url, page: input.page, component: body.component, reason }),
      { file: input.file, ...userFrame(body.error) },
      { cause: body.error },
    );
  }
  const head = dedupeHead(collector.nodes);
  let root: RootAttributes;
  try {
    root = mergeRootAttributes(collector.nodes);
  } catch (error) {
    throw KilnError.is(error) ? error.within({ file: input.file }) : error;
  }
  return assembleDocument({
    site: input.site,
    title: head.title,
    hasDescription: head.hasDescription,
    headElements: [
      ...head.elements.map((node) => renderToString(node)),
      ...renderClientHead(islands),
      ...(input.headTags ?? []),
      ...(input.codeStylesheet && body.value.includes(HIGHLIGHTED) ? [input.codeStylesheet] : []),
    ],
    body: body.value,
    root,
  });
}

interface HeadParts {
  title: string | undefined;
  hasDescription: boolean;
  elements: VNode[];
}

/** Later wins: a page's `<title>` or `<meta name>` replaces its layout's. */
function dedupeHead(nodes: readonly VNode[]): HeadParts {
  let title: string | undefined;
  const keyed = new Map<string, VNode>();
  const order: string[] = [];
  nodes.forEach((node, index) => {
    const props = node.props as Record<string, unknown>;
    // `<html>` and `<body>` set attributes of the document's own (mergeRootAttributes).
    if (node.type === "html" || node.type === "body") return;
    if (node.type === "title") {
      title = textOf(props.children);
      return;
    }
    const name = props.name ?? props.property ?? props["http-equiv"];
    const key =
      node.type === "meta" && name !== undefined
        ? `meta:${String(name)}`
        : node.type === "link" && props.rel === "canonical"
          ? "canonical"
          : `#${index}`;
    if (!keyed.has(key)) order.push(key);
    keyed.set(key, node);
  });
  return {
    title,
    hasDescription: keyed.has("meta:description"),
    elements: order.map((key) => keyed.get(key)!),
  };
}

function textOf(children: unknown): string {
  if (Array.isArray(children)) return children.map(textOf).join("");
  return children === null || children === undefined || typeof children === "boolean"
    ? ""
    : String(children);
}

/**
 * The innermost stack frame in the user's own code. The CLI turns source maps on, so the
 * frame names the .tsx file and line the user wrote, not the compiled module.
 */
function userFrame(error: unknown): { file?: string; line?: number; column?: number } {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  for (const line of stack.split("\n").slice(1)) {
    const match = /\(?(?:file:\/\/)?(\/[^()]*?):(\d+):(\d+)\)?$/.exec(line.trim());
    if (!match || match[1]!.includes("/node_modules/")) continue;
    return {
      file: decodeURIComponent(match[1]!),
      line: Number(match[2]),
      column: Number(match[3]),
    };
  }
  return {};
}
