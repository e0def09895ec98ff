import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

describe("MDX pages", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("markdown-mdx");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  it("render expressions, imported components and the layout's components with Preact", async () => {
    const root = await project.html("index.html");
    const article = root.querySelector("main article")!;
    assert.match(article.querySelector("p")!.text, /Two and two make 4\./);
    assert.equal(article.querySelector("span.badge")?.text, "new");
    assert.equal(article.querySelector("aside.note")?.text, "Notes come from the layout.");
    assert.equal(article.querySelectorAll("table td").length, 2, "GFM tables work in MDX");
    assert.equal(article.querySelector("div.aside")?.text, "From the config.");
  });

  it("pass front matter, heading ids and a table of contents to the layout", async () => {
    const root = await project.html("index.html");
    assert.equal(root.querySelector("h1.title")?.text, "MDX home");
    assert.equal(root.querySelector("article h1")?.id, "welcome-to-mdx");
    assert.deepEqual(
      root.querySelectorAll("nav a").map((a) => a.getAttribute("href")),
      ["#a-table"],
    );
  });

  it("rewrite relative links to other pages' files", async () => {
    const link = (await project.html("index.html"))
      .querySelectorAll("article a")
      .find((a) => a.text === "other page");
    assert.equal(link?.getAttribute("href"), "/docs/other/");
  });

  it("read TOML front matter and fall back to the built-in layout", async () => {
    const html = await project.read("docs/other/index.html");
    assert.match(html, /<title>Other<\/title>/);
    assert.match(html, /<h1 id="other-page">Other page<\/h1>/);
  });
});

describe("MDX collection entries", () => {
  it("render through renderEntry() with the components the page passes", async () => {
    const project = await copyProject("markdown-mdx");
    try {
      assert.equal((await project.build()).code, 0);
      const root = await project.html("notes/first/index.html");
      assert.equal(root.querySelector("main h1")?.text, "First note");
      assert.equal(root.querySelector("p.toc")?.text, "hello-from-an-entry");
      assert.equal(root.querySelector("article h2")?.id, "hello-from-an-entry");
      assert.equal(root.querySelector("span.badge")?.text, "entry");
      assert.equal(root.querySelector("strong.callout")?.text, "called out");
      const link = root.querySelectorAll("article a").find((a) => a.text === "the other page");
      assert.equal(link?.getAttribute("href"), "/docs/other/");
      assert.equal(root.querySelector("div.aside")?.text, "Config components reach entries too.");
    } finally {
      await project.cleanup();
    }
  });
});

describe("an MDX syntax error", () => {
  it("fails the build at the file's line and column, without a stack trace", async () => {
    const project = await copyProject("markdown-mdx-broken");
    try {
      const result = await project.build();
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_MDX_COMPILE/);
      assert.match(result.stderr, /closing tag for `<Note>`/);
      assert.match(result.stderr, /src\/pages\/index\.mdx:9:1/);
      assert.doesNotMatch(result.stderr, /^\s+at .*\.(?:ts|js|mjs):\d+/m);
    } finally {
      await project.cleanup();
    }
  });
});
