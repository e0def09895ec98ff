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

/**
 * Finds what a strict Content-Security-Policy must name in a page Kiln wrote: the hash of
 * every inline `<script>` that runs and every `<style>`, and of every `style` attribute. The
 * HTML is Kiln's own output (preact-render-to-string and markdown-it), whose shape these
 * patterns follow; a hash of something that is not code costs nothing but a longer header.
 */
export function inlineHashes(html: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const styleAttributes = new Set<string>();
  const blocked = new Set<string>();
  // Each pattern runs only on pages that have what it looks for: most pages have none of it.
  const has = (text: string) => html.includes(text);
  const hasScript = has("<script");
  const hasStyle = has("<style");
  for (const [, attributes = "", code = ""] of hasScript ? html.matchAll(SCRIPT) : []) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? "";
    if (RUN.test(type)) scripts.add(hash(code));
  }
  for (const [, css = ""] of hasStyle ? html.matchAll(STYLE) : []) styles.add(hash(css));
  forEachTag(html, (_tag, attributes) => {
    for (const [name, value] of attributes) {
      if (name === "style") styleAttributes.add(hash(value));
      else if (/^on[a-z]+$/.test(name)) blocked.add(`an inline ${name} handler`);
      else if (JAVASCRIPT_URL_ATTRIBUTES.has(name) && /^\s*javascript:/i.test(value))
        blocked.add("a javascript: URL");
    }
  });
  return {
    scripts: [...scripts].sort(),
    styles: [...styles].sort(),
    styleAttributes: [...styleAttributes].sort(),
    blocked: [...blocked].sort(),
  };
}

function hash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}
