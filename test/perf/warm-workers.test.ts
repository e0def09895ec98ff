import assert from "node:assert/strict";
import { appendFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Project } from "../helpers/build-fixture.js";
import { coldSnapshot, unchangedCount } from "../incremental/incremental-helpers.js";
import { manyPagesProject } from "./many-pages.js";

const POSTS = 60;

function assertSameBytes(actual: Map<string, Buffer>, expected: Map<string, Buffer>, what: string) {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `${what}: the files`);
  for (const [file, bytes] of expected)
    assert.ok(actual.get(file)!.equals(bytes), `${what}: ${file} differs from a cold build`);
}

// A warm build gives the bytes of a cold one whatever the worker count, and starts workers only
// for pages it renders: the CLI names the workers it used ("(2 workers)") and none otherwise.
for (const workers of ["0", "1", "2"]) {
  describe(`warm builds with --workers ${workers}`, () => {
    let project: Project;
    let cold: Map<string, Buffer>;
    before(async () => {
      project = await manyPagesProject(POSTS);
      const result = await project.build("--workers", workers);
      assert.equal(result.code, 0, result.stderr);
      cold = await project.snapshot();
    });
    after(() => project.cleanup());

    it("with no change, writes the same bytes and starts no worker", async () => {
      const result = await project.build("--workers", workers);
      assert.equal(result.code, 0, result.stderr);
      assert.doesNotMatch(result.stdout, /workers?\)/, "a worker was started");
      assert.ok(unchangedCount(result.stdout) > POSTS, result.stdout);
      assertSameBytes(await project.snapshot(), cold, "no change");
    });

    it("when only a public file changed, renders nothing and starts no worker", async () => {
      await writeFile(path.join(project.root, "public/robots.txt"), "User-agent: *\nAllow: /\n");
      const result = await project.build("--workers", workers);
      assert.equal(result.code, 0, result.stderr);
      assert.doesNotMatch(result.stdout, /workers?\)/, "a worker was started");
      assertSameBytes(await project.snapshot(), await coldSnapshot(project.root), "public file");
    });

    it("after one edit, writes the bytes of a cold build", async () => {
      const post = path.join(project.root, "src/content/posts/post-007.md");
      await appendFile(post, "\nA sentence added after the first build.\n");
      const result = await project.build("--workers", workers);
      assert.equal(result.code, 0, result.stderr);
      // The edited post, its neighbours' lists and tag pages render, on the workers asked for.
      if (workers !== "0") assert.match(result.stdout, new RegExp(`\\(${workers} workers?\\)`));
      const warm = await project.snapshot();
      assert.match(warm.get("posts/post-007/index.html")!.toString(), /A sentence added/);
      assertSameBytes(warm, await coldSnapshot(project.root), "one edit");
    });
  });
}
