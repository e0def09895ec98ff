/**
 * Inputs that make naive markdown parsers go quadratic or recurse without bound.
 * - cmark's `test/pathological_tests.py`, with the pattern its output must match where cmark
 *   gives one ("many references" is an allowed failure in cmark: here it must finish, and its
 *   output is not checked);
 * - markdown-it's `test/pathological.mjs` additions;
 * - the linkify-it ReDoS input (GHSA-38c4-r59v-3vqw).
 */
/*
 * Sizes: markdown-it's port of cmark's list, cut further where a case took over ~200 ms on
 * a shared 2-core machine. cmark's 65,000 repeats make inputs of up to 50 MB that take
 * seconds even at linear speed, which would make a 1 s budget measure the machine. What the
 * cases are for is finding quadratic code, and 10,000–50,000 repeats of a quadratic case is
 * 10^8–10^9 steps: far past the budget still.
 */
export interface PathologicalCase {
  name: string;
  input: () => string;
  /** What the HTML must contain, so "fast" cannot mean "gave up and printed nothing". */
  expect?: RegExp;
  /** The coded error the case must end in instead of HTML. */
  error?: string;
}

const lines = (count: number, line: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => line(i)).join("");

export const PATHOLOGICAL_CASES: PathologicalCase[] = [
  {
    name: "cmark: nested strong emph",
    input: () => "*a **a ".repeat(5000) + "b" + " a** a*".repeat(5000),
    expect: /^<p>(?:<em>a <strong>a ){5000}b(?: a<\/strong> a<\/em>){5000}<\/p>/,
  },
  {
    name: "cmark: many emph closers with no openers",
    input: () => "a_ ".repeat(20000),
    expect: /(?:a_ ){19999}a_/,
  },
  {
    name: "cmark: many emph openers with no closers",
    input: () => "_a ".repeat(20000),
    expect: /(?:_a ){19999}_a/,
  },
  {
    name: "cmark: many link closers with no openers",
    input: () => "a]".repeat(10000),
    expect: /(?:a\]){10000}/,
  },
  {
    name: "cmark: many link openers with no closers",
    input: () => "[a".repeat(10000),
    expect: /(?:\[a){10000}/,
  },
  {
    name: "cmark: mismatched openers and closers",
    input: () => "*a_ ".repeat(20000),
    expect: /(?:\*a_ ){19999}\*a_/,
  },
  {
    name: "cmark: openers and closers multiple of 3",
    input: () => "a**b" + "c* ".repeat(20000),
    expect: /a\*\*b(?:c\* ){19999}c\*/,
  },
  {
    name: "cmark: link openers and emph closers",
    input: () => "[ a_".repeat(10000),
    expect: /(?:\[ a_){10000}/,
  },
  {
    name: "cmark: hard link/emph case",
    input: () => "**x [a*b**c*](d)",
    expect: /\*\*x <a href="d">a<em>b\*\*c<\/em><\/a>/,
  },
  {
    name: "cmark: nested brackets",
    input: () => "[".repeat(20000) + "a" + "]".repeat(20000),
    expect: /\[{20000}a\]{20000}/,
  },
  // Past maxNesting (100) markdown-it dropped the rest: now a located error, quickly.
  {
    name: "cmark: nested block quotes",
    input: () => "> ".repeat(50000) + "a",
    error: "KILN_MARKDOWN_TOO_DEEP",
  },
  {
    name: "cmark: deeply nested lists",
    input: () => lines(1000, (x) => "  ".repeat(x) + "* a\n"),
    error: "KILN_MARKDOWN_TOO_DEEP",
  },
  {
    name: "cmark: U+0000 in input",
    input: () => "abc\u0000de\u0000",
    expect: /abc\ufffdde\ufffd/,
  },
  {
    name: "cmark: backticks",
    input: () => lines(2999, (x) => "e" + "`".repeat(x + 1)),
    expect: /^<p>[e`]*<\/p>\n$/,
  },
  {
    name: "cmark: unclosed links A",
    input: () => "[a](<b".repeat(30000),
    expect: /(?:\[a\]\(&lt;b){30000}/,
  },
  {
    name: "cmark: unclosed links B",
    input: () => "[a](b".repeat(30000),
    expect: /(?:\[a\]\(b){30000}/,
  },
  {
    name: "cmark: many references",
    input: () => lines(20000, (x) => `[${x + 1}]: u\n`) + "[0] ".repeat(20000),
  },
  { name: "markdown-it: nested inlines", input: () => "*".repeat(30000) + "a" + "*".repeat(30000) },
  { name: "markdown-it: cmark#389", input: () => "*a ".repeat(10000) + "_a*_ ".repeat(10000) },
  { name: "markdown-it: pattern [ (]( repeated", input: () => "[ (](".repeat(40000) },
  { name: "markdown-it: pattern ![[]() repeated", input: () => "![[]()".repeat(10000) },
  { name: "markdown-it: unclosed <!--", input: () => "</" + "<!--".repeat(100000) },
  { name: "markdown-it: emphasis **_* pattern", input: () => "**_* ".repeat(20000) },
  { name: "markdown-it: backtick ``\\ pattern", input: () => "``\\".repeat(25000) },
  { name: "markdown-it: autolinks <<<…<> pattern", input: () => "<".repeat(400000) + ">" },
  {
    name: "markdown-it: hardbreak whitespace pattern",
    input: () => "x" + " ".repeat(150000) + "x  \nx",
  },
  {
    name: "linkify-it ReDoS (GHSA-38c4-r59v-3vqw)",
    input: () => "http://example.com/" + "*".repeat(70000) + "a",
  },
];
