import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { copyProject } from "../helpers/build-fixture.js";

/**
 * Highlighted code, MDX pages and entries, and markdown images once kept a site off the
 * render workers; plugins' `kiln:page` hooks run in them. Each fixture here builds on the main thread, on 1 and on 3 workers, and warm
 * (pages reused from the previous output): every build must write the same bytes.
 */
for (const fixture of ["markdown-code", "markdown-mdx", "markdown-images", "plugins"]) {
  describe(`${fixture} on render workers`, () => {
    it("writes the same bytes on 0, 1 and 3 workers, cold and warm", async () => {
      const project = await copyProject(fixture);
      try {
        const cold = async (workers: string) => {
          await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
          const result = await project.build("--workers", workers);
          assert.equal(result.code, 0, result.stderr);
          if (workers !== "0") assert.match(result.stdout, new RegExp(`\\(${workers} workers?\\)`));
          return project.snapshot();
        };
        const main = await cold("0");
        for (const workers of ["1", "3"]) {
          const output = await cold(workers);
          assert.deepEqual([...output.keys()], [...main.keys()], `${workers} workers`);
          for (const [file, bytes] of main)
            assert.ok(output.get(file)!.equals(bytes), `${file} differs with ${workers} workers`);
        }
        const warm = await project.build();
        assert.equal(warm.code, 0, warm.stderr);
        assert.match(warm.stdout, /unchanged/, "no page was reused");
        assert.deepEqual(await project.snapshot(), main, "the warm build differs");
      } finally {
        await project.cleanup();
      }
    });
  });
}
