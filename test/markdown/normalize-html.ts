import { decodeHTMLStrict } from "entities";

/**
 * The comparison the CommonMark spec's own runner makes (commonmark-spec `test/normalize.py`),
 * rewritten for Node: output that differs only in insignificant ways compares equal.
 *
 * - The HTML is cut into chunks: CDATA sections (kept verbatim), `<…>` tags and text; a `<`
 *   with no `>` after it matches neither and is dropped, as Python's `re.finditer` does.
 * - Whitespace runs collapse to one space outside `<pre>`; whitespace around block tags goes.
 * - Tag and attribute names are lowercased, attributes sorted; `<br />` becomes `<br>`.
 * - Character references become characters, except `<`, `>`, `&`, `"`, which stay entities.
 *
 * Kiln addition: `stripHeadingIds` drops the `id` Kiln puts on every heading; it is an added
 * attribute, checked by its own tests, not a difference in how the document parses.
 */
export function normalizeHtml(html: string, options: { stripHeadingIds?: boolean } = {}): string {
  const state: State = { output: "", last: "starttag", lastTag: "", inPre: false };
  for (const match of html.matchAll(CHUNK)) {
    const chunk = match[0];
    if (chunk.startsWith("<![CDATA")) state.output += chunk;
    else if (chunk.startsWith("<")) feedTag(state, chunk, options.stripHeadingIds === true);
    else feedText(state, chunk);
  }
  return state.output;
}

interface State {
  output: string;
  last: "starttag" | "endtag" | "data" | "comment" | "decl" | "pi" | "ref";
  lastTag: string;
  inPre: boolean;
}

const CHUNK = /<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>|[^<]+/g;
const START_TAG = /^<([a-zA-Z][^\t\n\r\f />\0]*)([\s\S]*?)(\/?)>$/;
const END_TAG = /^<\/([a-zA-Z][^\t\n\r\f />\0]*)[^>]*>$/;
const ATTRIBUTE =
  /((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|\/(?!>))*/g;
const BLOCK_TAGS = new Set(
  (
    "article header aside hgroup blockquote hr iframe body li map button object canvas ol " +
    "caption output col p colgroup pre dd progress div section dl table td dt tbody embed " +
    "textarea fieldset tfoot figcaption th figure thead footer tr form ul h1 h2 h3 h4 h5 h6 " +
    "video script style"
  ).split(" "),
);
const HEADING = /^h[1-6]$/;

function feedTag(state: State, chunk: string, stripHeadingIds: boolean): void {
  if (chunk.startsWith("<!--")) {
    state.output += chunk;
    state.last = "comment";
  } else if (chunk.startsWith("<?")) {
    state.output += chunk;
    state.last = "pi";
  } else if (chunk.startsWith("<!")) {
    state.output += chunk;
    state.last = "decl";
  } else if (END_TAG.test(chunk)) {
    const tag = END_TAG.exec(chunk)![1]!.toLowerCase();
    if (tag === "pre") state.inPre = false;
    else if (BLOCK_TAGS.has(tag)) state.output = state.output.trimEnd();
    state.output += `</${tag}>`;
    state.lastTag = tag;
    state.last = "endtag";
  } else if (START_TAG.test(chunk)) {
    const [, name, rest, selfClosing] = START_TAG.exec(chunk)!;
    const tag = name!.toLowerCase();
    let attributes = parseAttributes(` ${rest!}`);
    if (stripHeadingIds && HEADING.test(tag)) attributes = attributes.filter(([k]) => k !== "id");
    if (tag === "pre") state.inPre = true;
    if (BLOCK_TAGS.has(tag)) state.output = state.output.trimEnd();
    state.output += `<${tag}`;
    for (const [key, value] of attributes) {
      state.output += value === undefined ? ` ${key}` : ` ${key}="${escapeAttribute(value)}"`;
    }
    state.output += ">";
    state.lastTag = tag;
    state.last = selfClosing ? "endtag" : "starttag";
  } else {
    feedText(state, chunk);
  }
}

function parseAttributes(text: string): [string, string | undefined][] {
  const attributes: [string, string | undefined][] = [];
  for (const match of text.matchAll(ATTRIBUTE)) {
    let value = match[3];
    if (value !== undefined) {
      if (/^(['"]).*\1$/s.test(value)) value = value.slice(1, -1);
      value = decodeHTMLStrict(value);
    }
    attributes.push([match[1]!.toLowerCase(), value]);
  }
  return attributes.sort(([ak, av], [bk, bv]) =>
    ak !== bk ? (ak < bk ? -1 : 1) : (av ?? "") < (bv ?? "") ? -1 : 1,
  );
}

const REFERENCE = /&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][-.a-zA-Z0-9]*);?/g;

/** Text between tags: character references become characters, whitespace collapses. */
function feedText(state: State, text: string): void {
  let at = 0;
  for (const match of text.matchAll(REFERENCE)) {
    if (match.index > at) feedData(state, text.slice(at, match.index));
    feedReference(state, match[0], match[1]!);
    at = match.index + match[0].length;
  }
  if (at < text.length) feedData(state, text.slice(at));
}

function feedReference(state: State, raw: string, name: string): void {
  const decoded = decodeHTMLStrict(`&${name};`);
  const known = decoded !== `&${name};` && decoded !== "";
  const character = known ? decoded : undefined;
  state.output +=
    character === undefined
      ? raw
      : (({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" } as Record<string, string>)[
          character
        ] ?? character);
  state.last = "ref";
}

function feedData(state: State, data: string): void {
  const afterTag = state.last === "endtag" || state.last === "starttag";
  const afterBlockTag = afterTag && BLOCK_TAGS.has(state.lastTag);
  if (afterTag && state.lastTag === "br") data = data.replace(/^\n+/, "");
  if (!state.inPre) data = data.replace(/\s+/g, " ");
  if (afterBlockTag && !state.inPre) {
    if (state.last === "starttag") data = data.trimStart();
    else data = data.trim();
  }
  state.output += data;
  state.last = "data";
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
