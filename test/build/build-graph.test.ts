import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { copyProject } from "../helpers/build-fixture.js";

describe("the build graph", () => {
  it("records, for each page, the files it was built from and the content it read", async () => {
    const project = await copyProject("basic-site");
    try {
      assert.equal((await project.build()).code, 0);
      const graph = JSON.parse(
        await readFile(path.join(project.root, ".kiln/build-graph.json"), "utf8"),
      ) as Record<string, string[]>;
      assert.deepEqual(Object.keys(graph).sort(), [
        "/",
        "/about/",
        "/posts/first/",
        "/posts/second/",
      ]);
      assert.deepEqual(graph["/"], ["collection:posts", "src/pages/index.tsx"]);
      assert.deepEqual(graph["/posts/first/"], ["collection:posts", "src/pages/posts/[slug].tsx"]);
      assert.deepEqual(graph["/about/"], ["src/pages/about.md"]);
    } finally {
      await project.cleanup();
    }
  });
});
