import assert from "node:assert/strict";
import { describe, it } from "node:test";
import spec from "commonmark-spec";
import { createMarkdownRenderer, type MarkdownOptions } from "../../src/markdown/index.js";
import { normalizeHtml } from "./normalize-html.js";

/**
 * Every example of the CommonMark spec (the `commonmark-spec` package), through Kiln's own
 * renderer, compared as the spec's runner compares: `→` stands for a tab in both the
 * markdown and the HTML (spec_tests.py), and both sides are normalised (normalize.py).
 */
const examples = spec.tests.map((t) => ({
  number: t.number,
  section: t.section,
  markdown: t.markdown.replace(/→/g, "\t"),
  html: t.html.replace(/→/g, "\t"),
}));

/**
 * Where Kiln's defaults differ from CommonMark on purpose. Each must still fail: when one
 * starts passing, the list is wrong and the test says so, so the list only shrinks.
 */
const GFM_AUTOLINKS =
  "GFM extended autolinks (linkify) turn a bare URL into a link; CommonMark leaves it as text";
const KNOWN_DIFFERENCES = new Map<number, string>([
  [602, `${GFM_AUTOLINKS}: \`<https://foo.bar/baz bim>\` is not an autolink, but its URL is`],
  [608, `${GFM_AUTOLINKS}: \`< https://foo.bar >\` is not an autolink, but its URL is`],
  [611, `${GFM_AUTOLINKS}: \`https://example.com\``],
  [612, `${GFM_AUTOLINKS}: \`foo@bar.example.com\` becomes a mailto: link`],
]);

function runExamples(options: MarkdownOptions): { passed: number[]; failed: number[] } {
  const renderer = createMarkdownRenderer(options);
  const passed: number[] = [];
  const failed: number[] = [];
  for (const example of examples) {
    const actual = normalizeHtml(renderer.render(example.markdown).html, { stripHeadingIds: true });
    (actual === normalizeHtml(example.html) ? passed : failed).push(example.number);
  }
  return { passed, failed };
}

describe("CommonMark conformance", () => {
  it("the commonmark-spec package holds 652 examples", () => {
    assert.equal(examples.length, 652);
  });

  it("CommonMark conformance with Kiln's defaults (GFM on)", () => {
    const { passed, failed } = runExamples({ html: true });
    console.log(`${passed.length} of ${examples.length} CommonMark examples pass`);
    const unexpected = failed.filter((n) => !KNOWN_DIFFERENCES.has(n));
    assert.deepEqual(unexpected, [], `examples failing that are not known differences`);
    const nowPassing = [...KNOWN_DIFFERENCES.keys()].filter((n) => passed.includes(n));
    assert.deepEqual(nowPassing, [], "known differences that now pass: remove them from the list");
  });

  it("CommonMark conformance with GFM off: every example", () => {
    const { passed, failed } = runExamples({ html: true, gfm: false });
    console.log(`${passed.length} of ${examples.length} CommonMark examples pass with GFM off`);
    assert.deepEqual(failed, []);
  });

  it("the normaliser ignores only what the spec's runner ignores", () => {
    assert.equal(normalizeHtml("<p>a  \t\nb</p>"), "<p>a b</p>");
    assert.equal(normalizeHtml("\n\t<p>\n\t\ta  b\t\t</p>\n\t"), "<p>a b</p>");
    assert.equal(normalizeHtml("<i>a  b</i> "), "<i>a b</i> ");
    assert.equal(normalizeHtml("<br />"), "<br>");
    assert.equal(
      normalizeHtml('<a title="bar" HREF="foo">x</a>'),
      '<a href="foo" title="bar">x</a>',
    );
    assert.equal(normalizeHtml("&forall;&amp;&gt;&lt;&quot;"), "\u2200&amp;&gt;&lt;&quot;");
    assert.equal(normalizeHtml("<pre>a  \n b</pre>"), "<pre>a  \n b</pre>");
    // Differences that matter survive it.
    assert.notEqual(normalizeHtml("<p>a</p>"), normalizeHtml("<p>b</p>"));
    assert.notEqual(normalizeHtml("<em>a</em>"), normalizeHtml("<strong>a</strong>"));
    assert.notEqual(normalizeHtml('<a href="x">a</a>'), normalizeHtml('<a href="y">a</a>'));
    assert.equal(normalizeHtml('<h2 id="a">A</h2>', { stripHeadingIds: true }), "<h2>A</h2>");
    assert.equal(normalizeHtml('<p id="a">A</p>', { stripHeadingIds: true }), '<p id="a">A</p>');
  });
});
