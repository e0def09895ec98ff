import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project, type RunResult } from "../helpers/build-fixture.js";

describe("syntax highlighting in a build", () => {
  let project: Project;
  let cold: RunResult;
  before(async () => {
    project = await copyProject("markdown-code");
    cold = await project.build("--workers", "0");
    assert.equal(cold.code, 0, cold.stderr);
  });
  after(() => project.cleanup());

  it("highlights code in pages and in collection entries, styled by one linked stylesheet", async () => {
    for (const page of ["index.html", "notes/first/index.html"]) {
      const html = await project.read(page);
      assert.match(html, /<pre><code class="hljs language-(ts|python)">/, page);
      assert.doesNotMatch(html, /<span[^>]* style=/, page);
      const link = /<link rel="stylesheet" href="\/(_kiln\/code-[0-9a-f]{10}\.css)">/.exec(html);
      assert.ok(link, page);
      const css = await project.read(link[1]!);
      assert.match(css, /\.hljs-keyword/);
      assert.match(css, /@media \(prefers-color-scheme: dark\)/);
    }
  });

  it("warns once about an unknown language with the file and line, and renders it plain", async () => {
    const warnings = cold.stderr.match(/src\/pages\/index\.md:11: .*"nosuchlang"/g) ?? [];
    assert.equal(warnings.length, 1, cold.stderr);
    assert.match(
      await project.read("index.html"),
      /<pre><code class="language-nosuchlang">kept as it is/,
    );
  });

  it("gives the same bytes from render workers and from a warm build", async () => {
    const before = await project.snapshot();
    await rm(path.join(project.root, ".kiln"), { recursive: true });
    const workers = await project.build("--workers", "2");
    assert.equal(workers.code, 0, workers.stderr);
    assert.deepEqual(await project.snapshot(), before);
    assert.match(workers.stderr, /src\/pages\/index\.md:11: .*"nosuchlang"/);
    const warm = await project.build();
    assert.equal(warm.code, 0, warm.stderr);
    assert.deepEqual(await project.snapshot(), before);
  });
});

describe("a site without code blocks", () => {
  it("links no code stylesheet", async () => {
    const project = await copyProject("markdown-links");
    try {
      assert.equal((await project.build()).code, 0);
      assert.doesNotMatch(await project.read("index.html"), /_kiln\/code-/);
      assert.equal(existsSync(path.join(project.root, ".kiln/highlight")), false);
    } finally {
      await project.cleanup();
    }
  });
});
