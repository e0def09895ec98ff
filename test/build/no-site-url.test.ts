import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { copyProject, REPO } from "../helpers/build-fixture.js";

// Issue 23, point 8: the docs starter has no site.url and silently had no sitemap or canonical
// links; a build without it says once which outputs it left out.
describe("a build without site.url", () => {
  it("warns once, naming the sitemap, robots.txt and canonical URLs it left out", async () => {
    const project = await copyProject(path.join(REPO, "examples/docs"));
    try {
      const result = await project.build();
      assert.equal(result.code, 0, result.stderr);
      const warnings = result.stderr.match(/no site\.url/g) ?? [];
      assert.equal(warnings.length, 1, result.stderr);
      assert.match(result.stderr, /no site\.url.*sitemap\.xml.*robots\.txt.*canonical/);
      assert.ok(!(await project.files()).includes("sitemap.xml"));
    } finally {
      await project.cleanup();
    }
  });
});
