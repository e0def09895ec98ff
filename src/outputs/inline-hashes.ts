import { createHash } from "node:crypto";
import { forEachTag } from "../support/index.js";

/** The inline code a page runs, as CSP source expressions (`'sha256-…'`), and what no hash allows. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
  /** Of `style="…"` attributes: allowed with `'unsafe-hashes'`, still nothing else. */
  styleAttributes: string[];
  /** `onclick="…"` and the like, `javascript:` URLs: a strict policy blocks them. */
  blocked: string[];
}

/** Script types a browser runs (or, for speculation rules, reads under script-src). */
const RUN = /^(?:|module|text\/javascript|application\/javascript|speculationrules)$/i;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const JAVASCRIPT_URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction"]);

/** The inline code of some HTML as text: what each hash is taken of. */
interface InlineCode {
  scripts: Set<string>;
  styles: Set<string>;
  styleAttributes: Set<string>;
  blocked: Set<string>;
}

function inlineCode(html: string): InlineCode {
  const code: InlineCode = {
    scripts: new Set(),
    styles: new Set(),
    styleAttributes: new Set(),
    blocked: new Set(),
  };
  // Each pattern runs only on pages that have what it looks for: most pages have none of it.
  const has = (text: string) => html.includes(text);
  for (const [, attributes = "", text = ""] of has("<script") ? html.matchAll(SCRIPT) : []) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? "";
    if (RUN.test(type)) code.scripts.add(text);
  }
  for (const [, css = ""] of has("<style") ? html.matchAll(STYLE) : []) code.styles.add(css);
  forEachTag(html, (_tag, attributes) => {
    for (const [name, value] of attributes) {
      if (name === "style") code.styleAttributes.add(value);
      else if (/^on[a-z]+$/.test(name)) code.blocked.add(`an inline ${name} handler`);
      else if (JAVASCRIPT_URL_ATTRIBUTES.has(name) && /^\s*javascript:/i.test(value))
        code.blocked.add("a javascript: URL");
    }
  });
  return code;
}

/**
 * Finds what a strict Content-Security-Policy must name in a page Kiln wrote: the hash of
 * every inline `<script>` that runs and every `<style>`, and of every `style` attribute. The
 * HTML is Kiln's own output (preact-render-to-string and markdown-it), whose shape these
 * patterns follow; a hash of something that is not code costs nothing but a longer header.
 * Code in `content` (hashes from contentHashes) is left out: only the project's own inline
 * code is allowed, never what an editor or a remote source put in a body.
 */
export function inlineHashes(html: string, content: ReadonlySet<string> = new Set()): InlineHashes {
  const code = inlineCode(html);
  const own = (texts: Set<string>) =>
    [...new Set([...texts].map(hash))].filter((h) => !content.has(h)).sort();
  return {
    scripts: own(code.scripts),
    styles: own(code.styles),
    styleAttributes: own(code.styleAttributes),
    blocked: [...code.blocked].sort(),
  };
}

/** Inline code a page could have at all: only then is its content worth reading. */
export function hasInlineCode(html: string): boolean {
  return html.includes("<script") || html.includes("<style") || /\sstyle\s*=/i.test(html);
}

/**
 * Hashes of the inline code in content (markdown sources, remote HTML bodies), as it reaches
 * the page: raw HTML passes through markdown-it as written, and text inside a `<script>` that
 * markdown-it read as a paragraph is escaped, so both spellings are hashed. What it found,
 * by kind, is named in the build's warning.
 */
export function contentHashes(sources: readonly string[]): {
  hashes: Set<string>;
  kinds: string[];
} {
  const hashes = new Set<string>();
  const kinds = new Set<string>();
  for (const source of sources) {
    if (!hasInlineCode(source)) continue;
    const code = inlineCode(source);
    const add = (texts: Set<string>, kind: string) => {
      for (const text of texts) {
        hashes.add(hash(text)).add(hash(escapeText(text)));
        kinds.add(kind);
      }
    };
    add(code.scripts, "<script>");
    add(code.styles, "<style>");
    add(code.styleAttributes, "style=");
  }
  return { hashes, kinds: [...kinds] };
}

function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function hash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}
