/**
 * SVG is a document that runs script when opened by itself (or embedded with `<object>`), on
 * the origin that serves it: a `<script>`, an `onload`, a `javascript:` link or animation, an
 * HTML `<iframe>` inside `<foreignObject>`. Kiln publishes SVGs from public/ and markdown
 * without that (issue 24); servers also send them with a no-script policy, but a bucket or a
 * plain host sends none. Text rules, run until nothing changes: what they cannot read is left
 * as inert text, never as markup.
 */

/** Elements that run code, embed documents or declare entities that would. */
const ACTIVE =
  "script|foreignObject|iframe|frame|frameset|embed|object|applet|handler|listener|base|meta|link";
const PREFIX = "(?:[\\w.-]+:)?";
const ACTIVE_ELEMENT = new RegExp(
  `<${PREFIX}(${ACTIVE})\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${PREFIX}\\1\\s*>)`,
  "gi",
);
/** An opening tag whose element never closes: the tag goes, its text stays as text. */
const ACTIVE_TAG = new RegExp(`<\\/?${PREFIX}(?:${ACTIVE})\\b[^>]*>`, "gi");
/** A document type with an internal subset: its entities could expand into markup. */
const DOCTYPE = /<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/gi;
/** `<?xml-stylesheet?>` can name an XSLT sheet that writes HTML with script. */
const STYLESHEET_PI = /<\?xml-stylesheet[\s\S]*?\?>/gi;
const HANDLER = new RegExp(`\\s${PREFIX}on[\\w.-]*\\s*=\\s*(?:"[^"]*"|'[^']*')`, "gi");
const ATTRIBUTE = new RegExp(`(\\s${PREFIX}[\\w.-]+\\s*=\\s*)("[^"]*"|'[^']*')`, "g");
const SCRIPT_URL = /(?:java|vb)script:|data:text\/html/i;

/** The same SVG without what runs script; an SVG with none of it comes back unchanged. */
export function sanitizeSvg(svg: string): string {
  let out = svg;
  for (let round = 0; round < 10; round++) {
    const next = out
      .replace(DOCTYPE, "")
      .replace(STYLESHEET_PI, "")
      .replace(ACTIVE_ELEMENT, "")
      .replace(ACTIVE_TAG, "")
      .replace(HANDLER, "")
      .replace(ATTRIBUTE, (whole, _name: string, quoted: string) =>
        SCRIPT_URL.test(decodeValue(quoted.slice(1, -1))) ? "" : whole,
      );
    if (next === out) return out;
    out = next;
  }
  return out;
}

/** An attribute's value as the XML parser reads it: character references decoded, spaces gone. */
function decodeValue(value: string): string {
  return (
    value
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => fromCode(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, dec: string) => fromCode(parseInt(dec, 10)))
      // eslint-disable-next-line no-control-regex
      .replace(/[\s\u0000-\u001f]/g, "")
  );
}

function fromCode(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/** A file's bytes as Kiln publishes them: an SVG sanitized, anything else as it is. */
export function publishedBytes(file: string, bytes: Uint8Array): Uint8Array {
  if (!/\.svg$/i.test(file)) return bytes;
  const text = Buffer.from(bytes).toString("utf8");
  const clean = sanitizeSvg(text);
  return clean === text ? bytes : Buffer.from(clean, "utf8");
}
