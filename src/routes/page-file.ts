import path from "node:path";
import { KilnError, catalog } from "../errors/index.js";
import { toPosix } from "../support/index.js";

export type Segment =
  | { kind: "static"; value: string }
  | { kind: "param"; name: string }
  | { kind: "rest"; name: string };

/** `.mdx` pages are compiled like components and laid out like markdown. */
export type PageKind = "component" | "markdown" | "mdx";

/** A file under src/pages and the URL pattern its path makes. */
export interface PageFile {
  /** Absolute path. */
  file: string;
  /** Path under src/pages with `/` separators, for messages and the route table. */
  relative: string;
  kind: PageKind;
  segments: Segment[];
  /** `src/pages/404.*`: written as `/404.html`, served for unknown URLs. */
  isNotFound: boolean;
  /**
   * For a file that is not an HTML page, `feed.xml.ts` or `[id].json.ts`: the extension of
   * the file it writes (`.xml`), exactly what its default export returns.
   */
  endpoint?: string | undefined;
}

export const COMPONENT_EXTENSIONS = new Set([".tsx", ".jsx", ".ts", ".js"]);
export const PAGE_EXTENSIONS = new Set([...COMPONENT_EXTENSIONS, ".md", ".mdx"]);

const PARAM = /^\[(\.\.\.)?([A-Za-z_][A-Za-z0-9_]*)\]$/;

/** `posts/[slug].tsx` → segments `posts`, `:slug`. `index` names the folder itself. */
export function parsePageFile(pagesDir: string, file: string): PageFile {
  const relative = toPosix(path.relative(pagesDir, file));
  const extension = path.extname(relative);
  const parts = relative.slice(0, -extension.length).split("/");
  const endpoint = COMPONENT_EXTENSIONS.has(extension)
    ? /(?<=[^.])\.[A-Za-z0-9]+$/.exec(parts.at(-1)!)?.[0]
    : undefined;
  if (endpoint) parts[parts.length - 1] = parts.at(-1)!.slice(0, -endpoint.length);
  else if (parts.at(-1) === "index") parts.pop();
  const segments = parts.map((part) => parseSegment(part, file));
  const names = segments.flatMap((s) => (s.kind === "static" ? [] : [s.name]));
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) {
    throw new KilnError(
      catalog.RouteFileName({ problem: `the parameter [${duplicate}] appears twice` }),
      { file },
    );
  }
  if (segments.slice(0, -1).some((s) => s.kind === "rest")) {
    throw new KilnError(
      catalog.RouteFileName({ problem: "a [...rest] parameter must be the last part" }),
      { file },
    );
  }
  return {
    file,
    relative,
    kind: extension === ".md" ? "markdown" : extension === ".mdx" ? "mdx" : "component",
    segments,
    isNotFound: relative.slice(0, -extension.length) === "404",
    ...(endpoint ? { endpoint } : {}),
  };
}

function parseSegment(part: string, file: string): Segment {
  const param = PARAM.exec(part);
  if (param)
    return param[1] ? { kind: "rest", name: param[2]! } : { kind: "param", name: param[2]! };
  if (part.includes("[") || part.includes("]")) {
    throw new KilnError(
      catalog.RouteFileName({
        problem: `"${part}" mixes brackets with text; a parameter is a whole part like [slug]`,
      }),
      { file },
    );
  }
  return { kind: "static", value: part };
}

export function isDynamic(page: PageFile): boolean {
  return page.segments.some((s) => s.kind !== "static");
}
