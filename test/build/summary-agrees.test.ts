import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { copyProject, listFiles, REPO } from "../helpers/build-fixture.js";

// Issue 23, point 6: the same 38-file output was "38 files, 427.7 KB" after a cold build and
// "28 files, 135.7 KB" after a warm one; `--verify` said "Verified: all 930 files" of a build
// that had said "929 files".
function summary(stdout: string): string {
  const match = /(\d+) files, ([\d.]+ [KM]?B)/.exec(stdout);
  assert.ok(match, stdout);
  return `${match[1]} files, ${match[2]}`;
}

describe("the build summary", () => {
  it("counts the same output the same after cold, unchanged, warm and verified builds", async () => {
    const project = await copyProject(path.join(REPO, "examples/blog"));
    try {
      const cold = await project.build();
      assert.equal(cold.code, 0, cold.stderr);
      const files = (await listFiles(project.outDir)).length;
      assert.match(summary(cold.stdout), new RegExp(`^${files} files`));

      const unchanged = await project.build();
      assert.equal(unchanged.code, 0, unchanged.stderr);
      assert.equal(summary(unchanged.stdout), summary(cold.stdout));

      // An edit that leaves every file's size as it was: a warm build reuses the other pages.
      const post = path.join(project.root, "src/content/posts/hello-kiln.md");
      await writeFile(
        post,
        (await readFile(post, "utf8")).replace("folder of HTML", "folder of html"),
      );
      const warm = await project.build("--verify");
      assert.equal(warm.code, 0, warm.stderr);
      assert.equal(summary(warm.stdout), summary(cold.stdout));
      assert.match(warm.stdout, new RegExp(`Verified: all ${files} files`));

      // The same input cold again (cache deleted) gives the same words.
      await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
      const again = await project.build();
      assert.equal(summary(again.stdout), summary(cold.stdout));
    } finally {
      await project.cleanup();
    }
  });
});
