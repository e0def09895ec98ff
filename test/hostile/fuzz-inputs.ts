/** A small seeded generator (mulberry32): the same seed gives the same cases everywhere. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

export type Random = ReturnType<typeof createRandom>;

/** Hostile pieces of front matter: tags, anchors, merge keys, prototype keys, odd scalars. */
const FRONT_MATTER_LINES = [
  "title: Hello",
  "title: !!js/function 'function(){}'",
  "title: !!binary aGVsbG8=",
  "base: &a {x: 1}",
  "<<: *a",
  "__proto__: {polluted: true}",
  "constructor: {prototype: {x: 1}}",
  "date: 2024-02-31",
  "date: 2024-01-05T10:00:00Z",
  "tags: [a, b, [c, [d]]]",
  "draft: true",
  "title: '</script><script>alert(1)</script>'",
  'title: "\\u0000"',
  "? [complex, key]\n: value",
  "title: |\n  multi\n  line",
  "nested: {a: {b: {c: {d: {e: 1}}}}}",
  "bomb: &b [*b]",
  "title: x\ntitle: y",
  "- just a list",
  "title: 1e999",
  "title: .inf",
  "\t\ttabbed: value",
];

const MARKDOWN_PIECES = [
  "# Heading",
  "Some *emphasis* and **strong** and `code`.",
  "[a link](https://example.com) and [relative](./other.md)",
  "![](missing.png)",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "```js\nconst x = 1;\n```",
  "```\u0000\n```",
  "> quote\n> > nested",
  "- a\n  - b\n    - c",
  "| a | b |\n|---|---|\n| 1 | 2 |",
  "[^note]\n\n[^note]: A footnote.",
  "* ".repeat(200) + "deep",
  "> ".repeat(150) + "too deep",
  "[".repeat(500) + "a" + "]".repeat(500),
  "`".repeat(300),
  "&#0; &#x110000; &bogus;",
  "javascript:alert(1) www.example.com",
  "\u202e\u200b\ufeff",
  "x".repeat(20_000),
];

const BYTE_MUTATIONS: ((bytes: Buffer, random: Random) => Buffer)[] = [
  (bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]),
  (bytes) => Buffer.from(bytes.toString("latin1").replace(/\n/g, "\r"), "latin1"),
  (bytes) => Buffer.from(bytes.toString("latin1").replace(/\n/g, "\r\n"), "latin1"),
  (bytes, random) => {
    const copy = Buffer.from(bytes);
    if (copy.length > 0)
      copy[random.int(copy.length)] = random.pick([0x00, 0xff, 0xc0, 0x80, 0xed]);
    return copy;
  },
  (bytes, random) => bytes.subarray(0, random.int(bytes.length + 1)),
  (bytes) => bytes,
];

/** A markdown file: front matter (sometimes not closed), a body, then a byte mutation. */
export function fuzzDocument(random: Random): Buffer {
  const front = Array.from({ length: 1 + random.int(5) }, () => random.pick(FRONT_MATTER_LINES));
  if (random.next() < 0.7) front.unshift("title: Fuzzed");
  const fence = random.pick(["---", "---", "---", "+++", "---json", "---yaml", "---js", ""]);
  const close = random.next() < 0.9 ? (fence === "+++" ? "+++" : "---") : "";
  const body = Array.from({ length: 1 + random.int(6) }, () => random.pick(MARKDOWN_PIECES));
  const text = fence
    ? `${fence}\n${front.join("\n")}\n${close}\n${body.join("\n\n")}\n`
    : body.join("\n\n");
  return random.pick(BYTE_MUTATIONS)(Buffer.from(text), random);
}

/** Pieces that must fail a build (a missing file or alt text, nesting past the limit). */
const FAILING_PIECES = new Set(
  MARKDOWN_PIECES.filter((p) => /missing\.png|other\.md|too deep/.test(p)),
);

/** A well-formed entry with a hostile markdown body; `renderable` leaves out failing pieces. */
export function fuzzBody(random: Random, renderable: boolean): string {
  const pieces = renderable
    ? MARKDOWN_PIECES.filter((p) => !FAILING_PIECES.has(p))
    : MARKDOWN_PIECES;
  const body = Array.from({ length: 1 + random.int(6) }, () => random.pick(pieces));
  return `---\ntitle: Body ${random.int(1000)}\n---\n${body.join("\n\n")}\n`;
}

/** A route parameter a page might take from entry data; half of them are fine. */
export function fuzzParam(random: Random): string {
  if (random.next() < 0.5)
    return `slug-${random.int(100)}-${random.pick(["ünï", "a.b", "A_B", "x~y"])}`;
  return random.pick([
    "ok-slug",
    "../escape",
    "a/b",
    "..",
    ".",
    "",
    "with space",
    "ünïcödé",
    "%2e%2e",
    "a\\b",
    "nul\u0000byte",
    "x".repeat(300),
    "CON",
    "?query",
    "#hash",
    "\u202eevil",
  ]);
}
