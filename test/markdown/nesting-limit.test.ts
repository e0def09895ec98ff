import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { KilnError } from "../../src/errors/index.js";
import { createMarkdownRenderer } from "../../src/markdown/index.js";

const renderer = createMarkdownRenderer({ html: false });
const source = { file: "/site/src/content/posts/deep.md", bodyLine: 4 };

function renderError(markdown: string): KilnError {
  try {
    renderer.render(markdown, { source });
  } catch (error) {
    assert.ok(KilnError.is(error), String(error));
    return error;
  }
  assert.fail("rendered without an error");
}

describe("nesting past markdown-it's limit", () => {
  it("is a located error for lists, not 49 items of 10,000", () => {
    const lists = Array.from({ length: 10_000 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join(
      "\n",
    );
    const error = renderError(`Intro\n\n${lists}\n`);
    assert.equal(error.code, "KILN_MARKDOWN_TOO_DEEP");
    assert.equal(error.location?.file, source.file);
    assert.ok((error.location?.line ?? 0) > source.bodyLine + 2, JSON.stringify(error.location));
  });

  it("is a located error for blockquotes, not an empty page", () => {
    const error = renderError(`${">".repeat(10_000)} deep\n`);
    assert.equal(error.code, "KILN_MARKDOWN_TOO_DEEP");
    assert.equal(error.location?.line, source.bodyLine);
  });

  it("renders every item of nesting within the limit", () => {
    const lists = Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");
    const { html } = renderer.render(lists, { source });
    assert.equal(html.match(/<li>/g)?.length, 40);
    const quotes = renderer.render(`${">".repeat(90)} deep\n`, { source }).html;
    assert.equal(quotes.match(/<blockquote>/g)?.length, 90);
    assert.match(quotes, /deep/);
  });
});
