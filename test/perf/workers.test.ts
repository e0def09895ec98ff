import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Project } from "../helpers/build-fixture.js";
import { manyPagesProject } from "./many-pages.js";

describe("rendering on worker threads", () => {
  let project: Project;
  let inProcess: Map<string, Buffer>;
  before(async () => {
    project = await manyPagesProject(60);
    const result = await project.build("--workers", "0");
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /workers?\)/);
    inProcess = await project.snapshot();
  });
  after(() => project.cleanup());

  it("builds every page of the fixture", () => {
    // 60 posts, 4 tags, home, about, notes, 404, two public files, two header files.
    assert.equal(inProcess.size, 60 + 4 + 4 + 2 + 2);
    const home = inProcess.get("index.html")!.toString();
    assert.match(
      home,
      /<h2 id="part-one-of-post-0\d\d">/,
      "the home page rendered bodies from the store",
    );
    const post = inProcess.get("posts/post-007/index.html")!.toString();
    assert.match(post, /<title>Post 7<\/title>/);
    assert.match(post, /datetime="2024-01-08T00:00:00.000Z"/, "dates survive the trip to a worker");
    assert.match(
      inProcess.get("posts/post-010/index.html")!.toString(),
      /<a href="\/about\/">about<\/a>/,
      "a link to about.md became the page's URL",
    );
  });

  for (const workers of ["1", "3"]) {
    it(`writes the same bytes with ${workers} worker(s) as on the main thread`, async () => {
      // Without its incremental cache, the build renders every page again, here on workers.
      await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
      const result = await project.build("--workers", workers);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`\\(${workers} workers?\\) →`), "no workers ran");
      const output = await project.snapshot();
      assert.deepEqual([...output.keys()], [...inProcess.keys()]);
      for (const [file, bytes] of inProcess) {
        assert.ok(output.get(file)!.equals(bytes), `${file} differs with ${workers} workers`);
      }
    });
  }

  it("reports a page's error the same way from a worker, and keeps the old output", async () => {
    const failing = await manyPagesProject(12, [5, 9]);
    try {
      const main = await failing.build("--workers", "0");
      const pooled = await failing.build("--workers", "2");
      assert.equal(main.code, 1);
      assert.equal(pooled.code, 1);
      assert.match(main.stderr, /KILN_RENDER_FAILED|post post-005 asked to fail/);
      assert.equal(pooled.stderr, main.stderr, "the error differs between main thread and workers");
      assert.doesNotMatch(
        pooled.stderr,
        /render-worker|render-pool|node:internal/,
        "a stack leaked",
      );
      assert.deepEqual(await failing.files().catch(() => []), [], "a failed build wrote output");
    } finally {
      await failing.cleanup();
    }
  });

  it("refuses a bad --workers value", async () => {
    const result = await project.build("--workers", "many");
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--workers must be a number/);
  });
});
