import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { REPO, copyProject, runKiln } from "../helpers/build-fixture.js";

// Issue 23, point 4: a post missing `description` with `tags: glaze, testing` (a string, not a
// list) took two builds to fix, and `kiln check` then failed in the page's sort on raw data.
async function blogWithBadPost() {
  const project = await copyProject(path.join(REPO, "examples/blog"));
  const file = path.join(project.root, "src/content/posts/hello-kiln.md");
  const text = await readFile(file, "utf8");
  await writeFile(
    file,
    text.replace(/^description: .*\n/m, "").replace(/^tags: .*$/m, "tags: glaze, testing"),
  );
  return project;
}

describe("an entry with several problems", () => {
  it("a build names every problem of the entry at once", async () => {
    const project = await blogWithBadPost();
    try {
      const result = await project.build();
      assert.equal(result.code, 1, result.stderr);
      assert.match(
        result.stderr,
        /hello-kiln\.md:\d+(:\d+)?: KILN_ENTRY_FIELD_MISSING.*description/,
      );
      assert.match(result.stderr, /hello-kiln\.md:\d+(:\d+)?: KILN_ENTRY_INVALID.*tags/);
    } finally {
      await project.cleanup();
    }
  });

  it("kiln check lists both and renders no page from the invalid data", async () => {
    const project = await blogWithBadPost();
    try {
      const result = await runKiln(["check", project.root]);
      const out = result.stdout + result.stderr;
      assert.equal(result.code, 1, out);
      assert.match(out, /description/);
      assert.match(out, /tags/);
      assert.doesNotMatch(out, /KILN_PAGE_PATHS_THREW|getTime is not a function/);
    } finally {
      await project.cleanup();
    }
  });
});
