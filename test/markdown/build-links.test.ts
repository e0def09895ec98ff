import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

describe("markdown pages in a build", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("markdown-links");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  it("rewrites relative links to markdown files into links to their pages", async () => {
    const hrefs = (await project.html("index.html"))
      .querySelectorAll("article p a")
      .map((a) => a.getAttribute("href"));
    assert.deepEqual(hrefs, [
      "/guide/setup/#install",
      "/about/",
      "/guide/",
      "https://example.com/a.md",
      "/x/",
      "#home",
      "notes.txt",
    ]);
    const guide = await project.html("guide/index.html");
    assert.deepEqual(
      guide.querySelectorAll("article p a").map((a) => a.getAttribute("href")),
      ["/guide/setup/", "/"],
    );
    const setup = await project.html("guide/setup/index.html");
    assert.ok(
      setup.querySelectorAll("a").some((a) => a.getAttribute("href") === "/about/?x=1#top"),
    );
  });

  it("gives layouts a table of contents down to markdown.tocDepth", async () => {
    const items = (await project.html("index.html")).querySelectorAll("nav li");
    assert.deepEqual(
      items.map((li) => [li.getAttribute("data-depth"), li.text]),
      [
        ["2", "Section one"],
        ["3", "Sub section"],
      ],
    );
  });

  it("adds heading anchors when markdown.headingAnchors is on", async () => {
    const anchor = (await project.html("index.html")).querySelector(
      "h2#section-one a.heading-anchor",
    );
    assert.equal(anchor?.getAttribute("href"), "#section-one");
  });

  it("reads TOML and JSON front matter in pages", async () => {
    assert.match(await project.read("about/index.html"), /<title>About<\/title>/);
    assert.match(await project.read("guide/index.html"), /<title>Guide<\/title>/);
  });
});

describe("a link to a markdown file that does not exist", () => {
  it("fails the build with the file, line and column", async () => {
    const project = await copyProject("markdown-broken-link");
    try {
      const result = await project.build();
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_MARKDOWN_LINK_MISSING/);
      assert.match(result.stderr, /gone\/missing\.md/);
      assert.match(result.stderr, /src\/pages\/index\.md:8:46/);
      assert.doesNotMatch(result.stderr, /^\s+at .*\.(?:ts|js):\d+/m, "no stack trace");
    } finally {
      await project.cleanup();
    }
  });
});
