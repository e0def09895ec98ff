import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse as parseHtml } from "node-html-parser";
import { createMarkdownRenderer, type MarkdownOptions } from "../../src/markdown/index.js";
import { KilnError } from "../../src/errors/index.js";

/** node-html-parser keeps `<pre>` as raw text unless told otherwise. */
const parse = (html: string) =>
  parseHtml(html, { blockTextElements: { script: true, noscript: true, style: true } });

const THEMES = { light: "github-light", dark: "github-dark" };
const DOC = "# Code\n\n```ts\nconst answer: number = 42;\n```\n\n```foo\nplain text\n```\n";
const source = { file: "/site/src/pages/code.md", bodyLine: 4 };

describe("syntax highlighting", () => {
  let cacheDir: string;
  before(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), "kiln-highlight-"));
  });
  after(() => rm(cacheDir, { recursive: true, force: true }));

  async function render(options: Partial<MarkdownOptions> = {}) {
    const warnings: string[] = [];
    const renderer = createMarkdownRenderer({
      html: true,
      highlight: THEMES,
      cacheDir,
      warn: (message) => warnings.push(message),
      ...options,
    });
    await renderer.prepare([{ source: DOC, context: { source } }]);
    return { html: renderer.render(DOC, { source }).html, warnings };
  }

  it("highlights known languages with light colours inline and dark ones as CSS variables", async () => {
    const { html } = await render();
    const pre = parse(html).querySelector("pre.shiki")!;
    assert.ok(pre, html);
    assert.match(pre.getAttribute("class")!, /github-light github-dark/);
    const keyword = pre.querySelectorAll("span").find((s) => s.text === "const")!;
    assert.match(keyword.getAttribute("style")!, /^color:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6}$/i);
    assert.equal(pre.text, "const answer: number = 42;");
  });

  it("gives the same colours on every run", async () => {
    const colours = async () => {
      const renderer = createMarkdownRenderer({ html: true, highlight: THEMES });
      await renderer.prepare([{ source: DOC }]);
      const spans = parse(renderer.render(DOC).html).querySelectorAll("pre.shiki span span");
      return spans.map((s) => `${s.text.trim()} ${s.getAttribute("style")}`);
    };
    const first = await colours();
    assert.deepEqual(await colours(), first);
    // github-light: keywords red, the variable name blue.
    assert.ok(first.includes("const color:#D73A49;--shiki-dark:#F97583"), first.join("\n"));
    assert.ok(first.includes("answer color:#005CC5;--shiki-dark:#79B8FF"), first.join("\n"));
  });

  it("renders an unknown language plain, with a warning naming the file and line", async () => {
    const { html, warnings } = await render();
    const plain = parse(html).querySelector("pre code.language-foo");
    assert.equal(plain?.text, "plain text\n");
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^\/site\/src\/pages\/code\.md:10: .*"foo"/);
  });

  it("serves a warm render from the cache in .kiln, without highlighting again", async () => {
    await render();
    const dir = path.join(cacheDir, "highlight");
    const files = await readdir(dir);
    const known = [];
    for (const file of files)
      if ((await readFile(path.join(dir, file), "utf8")) !== "") known.push(file);
    assert.equal(known.length, 1);
    // Swap the cached block for a marker: if the next render used shiki, the marker would not show.
    await writeFile(path.join(dir, known[0]!), '<pre class="from-cache"><code>cached</code></pre>');
    const { html, warnings } = await render();
    assert.equal(parse(html).querySelector("pre.from-cache")?.text, "cached");
    assert.equal(warnings.length, 1, "an unknown language warns on warm builds too");
  });

  it("leaves code plain when highlighting is off", async () => {
    const { html } = await render({ highlight: false });
    assert.equal(parse(html).querySelector("pre.shiki"), null);
    assert.equal(
      parse(html).querySelector("code.language-ts")?.text,
      "const answer: number = 42;\n",
    );
  });

  it("renders plain when prepare() was not called", () => {
    const renderer = createMarkdownRenderer({ html: true, highlight: THEMES });
    assert.equal(parse(renderer.render(DOC).html).querySelector("pre.shiki"), null);
  });

  it("refuses a theme shiki does not have", async () => {
    const renderer = createMarkdownRenderer({
      html: true,
      highlight: { light: "no-such-theme", dark: "github-dark" },
    });
    await assert.rejects(
      renderer.prepare([{ source: DOC }]),
      (error) => KilnError.is(error) && error.code === "KILN_MARKDOWN_THEME_UNKNOWN",
    );
  });
});
