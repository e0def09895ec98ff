import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { createMarkdownRenderer } from "../../src/markdown/index.js";

const doc = [
  "# Title",
  "## Getting started",
  "### Install *it*",
  "#### Deep",
  "## Getting started",
  "## Ünïcode & `code`!",
  "",
].join("\n\n");

describe("headings", () => {
  it("get GitHub-style ids, unique within the document", () => {
    const { headings, html } = createMarkdownRenderer({ html: true }).render(doc);
    assert.deepEqual(
      headings.map((h) => h.id),
      ["title", "getting-started", "install-it", "deep", "getting-started-1", "ünïcode--code"],
    );
    assert.deepEqual(
      parse(html)
        .querySelectorAll("h1,h2,h3,h4")
        .map((h) => h.id),
      headings.map((h) => h.id),
    );
    assert.equal(headings[2]!.text, "Install it");
  });

  it("ids are stable: rendering twice gives the same ids", () => {
    const renderer = createMarkdownRenderer({ html: true });
    assert.deepEqual(renderer.render(doc).headings, renderer.render(doc).headings);
  });

  it("the table of contents holds h2 to tocDepth", () => {
    const depths = (tocDepth?: number) =>
      createMarkdownRenderer({ html: true, tocDepth })
        .render(doc)
        .toc.map((h) => h.depth);
    assert.deepEqual(depths(), [2, 3, 2, 2]);
    assert.deepEqual(depths(2), [2, 2, 2]);
    assert.deepEqual(depths(4), [2, 3, 4, 2, 2]);
  });

  it("anchor links are off by default and point at their heading when on", () => {
    assert.equal(
      parse(createMarkdownRenderer({ html: true }).render(doc).html).querySelectorAll("a").length,
      0,
    );
    const root = parse(
      createMarkdownRenderer({ html: true, headingAnchors: true }).render(doc).html,
    );
    for (const heading of root.querySelectorAll("h1,h2,h3,h4")) {
      const anchor = heading.querySelector("a.heading-anchor")!;
      assert.equal(anchor.getAttribute("href"), `#${heading.id}`);
    }
  });
});
