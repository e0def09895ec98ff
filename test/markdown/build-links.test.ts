import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
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

  it("lists every broken markdown link of the site in one run, pages and entries alike", async () => {
    const project = await copyProject("markdown-broken-link");
    try {
      const write = async (file: string, text: string) => {
        await mkdir(path.dirname(path.join(project.root, file)), { recursive: true });
        await writeFile(path.join(project.root, file), text);
      };
      await write("src/pages/other.md", "# Other\n\n[first](./nope.md) and [second](../none.md)\n");
      await write("src/content/notes/a.md", "---\ntitle: A\n---\n\nSee [missing](./b.md).\n");
      await write(
        "src/pages/notes/[id].tsx",
        'import { getCollection, renderEntry, type Entry } from "kiln-ssg";\n' +
          'export const paths = () => getCollection("notes").map((note) => ({ params: { id: note.id }, props: { note } }));\n' +
          "export default ({ note }: { note: Entry }) => <div dangerouslySetInnerHTML={{ __html: renderEntry(note).html }} />;\n",
      );
      for (const workers of ["0", "2"]) {
        const result = await project.build("--workers", workers);
        assert.equal(result.code, 1);
        assert.match(result.stderr, /KILN_MARKDOWN_LINK_MISSING: 4 markdown links/, result.stderr);
        for (const where of [
          /src\/pages\/index\.md:8:46: .*gone\/missing\.md/,
          /src\/pages\/other\.md:3:\d+: .*nope\.md/,
          /src\/pages\/other\.md:3:\d+: .*none\.md/,
          /src\/content\/notes\/a\.md:5:\d+: .*b\.md/,
        ])
          assert.match(result.stderr, where);
        assert.deepEqual(await project.files().catch(() => []), []);
      }
    } finally {
      await project.cleanup();
    }
  });
});
