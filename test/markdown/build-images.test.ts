import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { FIXTURES, copyProject, type Project } from "../helpers/build-fixture.js";

const hashOf = async (file: string) =>
  createHash("sha256")
    .update(await readFile(path.join(FIXTURES, file)))
    .digest("hex")
    .slice(0, 10);

describe("images next to markdown files", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("markdown-images");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  it("are written with content-hashed names and linked by those URLs", async () => {
    const pageHash = await hashOf("markdown-images/src/pages/guide/img/diagram.png");
    const entryHash = await hashOf("markdown-images/src/content/posts/diagram.png");
    assert.notEqual(pageHash, entryHash);
    const guide = await project.html("guide/index.html");
    const srcs = guide.querySelectorAll("img").map((img) => img.getAttribute("src"));
    assert.deepEqual(srcs, [
      `/_kiln/assets/diagram-${pageHash}.png`,
      "https://example.com/x.png",
      "/logo.png",
    ]);
    const post = await project.html("posts/hello/index.html");
    assert.equal(
      post.querySelector("img")?.getAttribute("src"),
      `/_kiln/assets/diagram-${entryHash}.png`,
    );
    const files = await project.files();
    assert.ok(files.includes(`_kiln/assets/diagram-${pageHash}.png`));
    assert.ok(files.includes(`_kiln/assets/diagram-${entryHash}.png`));
    assert.deepEqual(
      await readFile(path.join(project.outDir, `_kiln/assets/diagram-${pageHash}.png`)),
      await readFile(path.join(FIXTURES, "markdown-images/src/pages/guide/img/diagram.png")),
    );
  });
});

describe("an image that cannot be published", () => {
  for (const [fixture, problem, at] of [
    ["markdown-image-missing", /"\.\/nope\.png" does not exist/, /index\.md:3:15/],
    ["markdown-image-outside", /is outside the project/, /index\.md:3:11/],
  ] as const) {
    it(`fails the build with file:line:column (${fixture})`, async () => {
      const project = await copyProject(fixture);
      try {
        const result = await project.build();
        assert.equal(result.code, 1);
        assert.match(result.stderr, /KILN_MARKDOWN_IMAGE_INVALID/);
        assert.match(result.stderr, problem);
        assert.match(result.stderr, at);
      } finally {
        await project.cleanup();
      }
    });
  }
});
