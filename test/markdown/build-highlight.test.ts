import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project, type RunResult } from "../helpers/build-fixture.js";

describe("syntax highlighting in a build", () => {
  let project: Project;
  let cold: RunResult;
  before(async () => {
    project = await copyProject("markdown-code");
    cold = await project.build();
    assert.equal(cold.code, 0, cold.stderr);
  });
  after(() => project.cleanup());

  it("highlights code in pages and in collection entries", async () => {
    assert.match(
      await project.read("index.html"),
      /<pre class="shiki shiki-themes github-light github-dark"/,
    );
    assert.match(await project.read("notes/first/index.html"), /<pre class="shiki /);
  });

  it("warns about an unknown language with the file and line, and renders it plain", async () => {
    assert.match(cold.stderr, /warning: .*src\/pages\/index\.md:11: .*"nosuchlang"/);
    assert.match(
      await project.read("index.html"),
      /<pre><code class="language-nosuchlang">kept as it is/,
    );
  });

  it("keeps highlighted blocks in .kiln/highlight; a warm build gives the same bytes", async () => {
    const cached = await readdir(path.join(project.root, ".kiln/highlight"));
    assert.equal(cached.length, 3);
    const before = await project.snapshot();
    const warm = await project.build();
    assert.equal(warm.code, 0, warm.stderr);
    assert.deepEqual(await project.snapshot(), before);
    assert.match(warm.stderr, /src\/pages\/index\.md:11: .*"nosuchlang"/);
  });
});

describe("a site without code blocks", () => {
  it("writes no highlight cache", async () => {
    const project = await copyProject("markdown-links");
    try {
      assert.equal((await project.build()).code, 0);
      assert.equal(existsSync(path.join(project.root, ".kiln/highlight")), false);
    } finally {
      await project.cleanup();
    }
  });
});
