import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse as parseHtml } from "node-html-parser";
import {
  codeStylesheet,
  createMarkdownRenderer,
  type MarkdownOptions,
} from "../../src/markdown/index.js";
import { KilnError } from "../../src/errors/index.js";

/** node-html-parser keeps `<pre>` as raw text unless told otherwise. */
const parse = (html: string) =>
  parseHtml(html, { blockTextElements: { script: true, noscript: true, style: true } });

const THEMES = { light: "github", dark: "github-dark" };
const DOC = "# Code\n\n```ts\nconst answer: number = 42;\n```\n\n```foo\nplain text\n```\n";
const source = { file: "/site/src/pages/code.md", bodyLine: 4 };

function render(options: Partial<MarkdownOptions> = {}) {
  const warnings: string[] = [];
  const renderer = createMarkdownRenderer({
    html: true,
    highlight: THEMES,
    warn: (message) => warnings.push(message),
    ...options,
  });
  return { html: renderer.render(DOC, { source }).html, warnings };
}

describe("syntax highlighting", () => {
  it("highlights known languages with class names, never style attributes", () => {
    const { html } = render();
    const code = parse(html).querySelector("pre code.hljs.language-ts")!;
    assert.ok(code, html);
    const keyword = code.querySelectorAll("span").find((s) => s.text === "const")!;
    assert.equal(keyword.getAttribute("class"), "hljs-keyword");
    assert.equal(code.text, "const answer: number = 42;\n");
    assert.doesNotMatch(html, /style=/);
  });

  it("renders an unknown language plain, with a warning naming the file and line", () => {
    const { html, warnings } = render();
    const plain = parse(html).querySelector("pre code.language-foo");
    assert.equal(plain?.text, "plain text\n");
    assert.equal(plain?.classList.contains("hljs"), false);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^\/site\/src\/pages\/code\.md:10: .*"foo"/);
  });

  it("escapes the code it highlights", () => {
    const renderer = createMarkdownRenderer({ html: true, highlight: THEMES });
    const { html } = renderer.render("```html\n<script>alert(1)</script>\n```\n");
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;/);
  });

  it("leaves code plain when highlighting is off", () => {
    const { html } = render({ highlight: false });
    assert.equal(parse(html).querySelector("code.hljs"), null);
    assert.equal(
      parse(html).querySelector("code.language-ts")?.text,
      "const answer: number = 42;\n",
    );
  });

  it("styles light colours by default and dark ones under prefers-color-scheme: dark", () => {
    const css = codeStylesheet(THEMES);
    const dark = css.indexOf("@media (prefers-color-scheme: dark)");
    assert.ok(dark > 0);
    assert.match(css.slice(0, dark), /\.hljs-keyword/);
    assert.match(css.slice(dark), /\.hljs-keyword/);
  });

  it("refuses a style highlight.js does not have, or a name that is a path", () => {
    for (const light of ["no-such-theme", "../../package"]) {
      assert.throws(
        () => codeStylesheet({ light, dark: "github-dark" }),
        (error) => KilnError.is(error) && error.code === "KILN_MARKDOWN_THEME_UNKNOWN",
      );
    }
  });
});
