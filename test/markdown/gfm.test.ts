import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { createMarkdownRenderer } from "../../src/markdown/index.js";

const renderer = createMarkdownRenderer({ html: true });
const render = (source: string) => parse(renderer.render(source).html);

describe("GFM", () => {
  it("renders tables with alignment", () => {
    const root = render("| a | b |\n| --- | :-: |\n| 1 | 2 |\n");
    assert.deepEqual(
      root.querySelectorAll("th").map((th) => th.text),
      ["a", "b"],
    );
    assert.equal(root.querySelectorAll("tbody td")[1]!.getAttribute("style"), "text-align:center");
  });

  it("renders strikethrough", () => {
    assert.equal(render("~~gone~~ kept").querySelector("s")?.text, "gone");
  });

  it("renders task lists as disabled checkboxes", () => {
    const root = render("- [ ] todo\n- [x] done\n- plain\n");
    const boxes = root.querySelectorAll("input[type=checkbox]");
    assert.equal(boxes.length, 2);
    assert.equal(boxes[0]!.hasAttribute("checked"), false);
    assert.equal(boxes[1]!.hasAttribute("checked"), true);
    assert.ok(boxes.every((box) => box.hasAttribute("disabled")));
    assert.equal(root.querySelector("ul")?.classList.contains("contains-task-list"), true);
  });

  it("links bare URLs and www. addresses, and leaves code alone", () => {
    const root = render("See www.example.com and https://x.org/a_b.\n\n`https://not.linked`\n");
    assert.deepEqual(
      root.querySelectorAll("a").map((a) => a.getAttribute("href")),
      ["http://www.example.com", "https://x.org/a_b"],
    );
    assert.equal(root.querySelector("code")?.text, "https://not.linked");
  });

  it("does not link what linkify rejects: unknown top-level domains and bare IPs", () => {
    const root = render("file.mdx and 192.168.0.1 and foo.invalidtld\n");
    assert.equal(root.querySelectorAll("a").length, 0);
  });

  it("renders footnotes with links both ways", () => {
    const root = render("Claim[^why].\n\n[^why]: Because.\n");
    const ref = root.querySelector("sup.footnote-ref a")!;
    const note = root.querySelector("section.footnotes li")!;
    assert.equal(ref.getAttribute("href"), `#${note.id}`);
    assert.equal(root.querySelector("a.footnote-backref")?.getAttribute("href"), `#${ref.id}`);
    assert.match(note.text, /Because\./);
  });

  it("can be turned off for plain CommonMark", () => {
    const plain = createMarkdownRenderer({ html: true, gfm: false });
    const html = plain.render("~~x~~ https://x.org\n\n- [ ] a\n").html;
    assert.doesNotMatch(html, /<s>|<a |<input/);
  });
});
