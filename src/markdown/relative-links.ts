import { existsSync } from "node:fs";
import path from "node:path";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { KilnError, catalog } from "../errors/index.js";
import type { MarkdownEnv } from "./heading-ids.js";
import type { MarkdownPicture } from "./markdown-picture.js";

/** Where the markdown being rendered lives, so relative links can be followed. */
export interface SourceLocation {
  /** Absolute path of the markdown file. */
  file: string;
  /** 1-based line of the file where the body starts (after front matter). */
  bodyLine: number;
}

/** Absolute path of a markdown file → the URL of the page it became, if it is one. */
export type ResolveMarkdownUrl = (file: string) => string | undefined;

export interface RelativeLinksEnv extends MarkdownEnv {
  source?: SourceLocation;
  resolveUrl?: ResolveMarkdownUrl;
  /** Images next to the markdown that the output needs: output path → source file or bytes. */
  assets?: Map<string, string | Uint8Array>;
  /** Local raster images the build encoded ahead of rendering, by real path. */
  pictures?: ReadonlyMap<string, MarkdownPicture>;
  /** Where local raster images not yet encoded are listed, when the build encodes them. */
  unencoded?: string[];
  /** Where broken links to markdown files are listed; without it the first one throws. */
  problems?: KilnError[];
  /** Local images must be inside this folder (the project). */
  root?: string;
}

const MARKDOWN_FILE = /\.mdx?$/i;
/** A scheme (`https:`), a protocol-relative `//host`, an absolute `/path` or a bare `#hash`. */
export const NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i;

/**
 * `[setup](../guide/setup.md#install)` is how authors link pages in an editor or on GitHub;
 * on the site it must point at the page's URL. A link to a markdown file that is not there
 * is a problem with the file and line (`env.problems`): the build reports all of them at
 * once and fails, rather than shipping a dead link or stopping at the first.
 */
export const relativeLinks = (md: MarkdownIt): void => {
  md.core.ruler.push("kiln_relative_links", (state: StateCore) => {
    const env = state.env as RelativeLinksEnv;
    if (!env.source) return;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      let breaks = 0;
      for (const token of block.children) {
        if (token.type === "softbreak" || token.type === "hardbreak") breaks++;
        if (token.type !== "link_open") continue;
        const attr = token.attrGet("href");
        const href = attr === null ? null : String(attr);
        if (href === null || NOT_RELATIVE.test(href)) continue;
        let rewritten: string | undefined;
        try {
          rewritten = rewriteHref(href, env, () =>
            locate(state.src, block, breaks, href, env.source!),
          );
        } catch (error) {
          if (!env.problems || !KilnError.is(error)) throw error;
          env.problems.push(error);
        }
        if (rewritten !== undefined) token.attrSet("href", rewritten);
      }
    }
  });
};

/** The page URL for a relative link to a markdown file; undefined to leave the link as it is. */
export function rewriteHref(
  href: string,
  env: Pick<RelativeLinksEnv, "source" | "resolveUrl">,
  where: () => { line: number; column?: number },
): string | undefined {
  const hashAt = href.search(/[?#]/);
  const target = hashAt === -1 ? href : href.slice(0, hashAt);
  const suffix = hashAt === -1 ? "" : href.slice(hashAt);
  let decoded: string;
  try {
    decoded = decodeURI(target);
  } catch {
    return undefined;
  }
  if (!MARKDOWN_FILE.test(decoded)) return undefined;
  const source = env.source!;
  const file = path.resolve(path.dirname(source.file), decoded);
  const url = env.resolveUrl?.(file);
  if (url !== undefined) return url + suffix;
  if (!existsSync(file)) {
    throw new KilnError(catalog.MarkdownLinkMissing({ target: decoded }), {
      file: source.file,
      ...where(),
    });
  }
  return undefined;
}

/**
 * Block tokens know their first line; soft and hard breaks before the link add to it. The
 * column is where the target is written on that line, when it is written as it was parsed.
 */
export function locate(
  src: string,
  block: Token,
  breaks: number,
  href: string,
  source: SourceLocation,
): { line: number; column?: number } {
  const index = (block.map?.[0] ?? 0) + breaks;
  const text = src.split("\n")[index] ?? "";
  let at = text.indexOf(href);
  if (at === -1) {
    try {
      at = text.indexOf(decodeURI(href));
    } catch {
      at = -1;
    }
  }
  const line = source.bodyLine + index;
  return at === -1 ? { line } : { line, column: at + 1 };
}
