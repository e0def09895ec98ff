import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { watchProject } from "../../src/dev/watch-project.js";

// Issue 23, point 9: kiln dev logged `updated src/content/posts/sed9gHBgX`.
const TEMP_FILES = [
  ".hello.md.swp",
  ".hello.md.swo",
  "hello.md~",
  ".#hello.md",
  "#hello.md#",
  "4913",
  "sed9gHBgX",
  "hello.md.tmp",
  "hello.md.12345.tmp",
  "hello.md___jb_tmp___",
];

describe("kiln dev's watcher", () => {
  it("ignores editors' temporary and swap files, and still sees the real save", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "kiln-editor-temp-"));
    const posts = path.join(root, "src/content/posts");
    await mkdir(posts, { recursive: true });
    const seen: string[] = [];
    let sawReal!: () => void;
    const real = new Promise<void>((resolve) => (sawReal = resolve));
    const watcher = await watchProject(
      root,
      [path.join(root, "dist")],
      (files) => {
        seen.push(...files.map((file) => path.relative(posts, file)));
        if (seen.includes("hello.md")) sawReal();
      },
      (error) => assert.fail(String(error)),
    );
    try {
      for (const name of TEMP_FILES) await writeFile(path.join(posts, name), "x");
      // The real file is written last, so every temporary one was seen before it arrives.
      await writeFile(path.join(posts, "hello.md"), "# Hello\n");
      await Promise.race([
        real,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`no event for hello.md; saw ${seen}`)), 10_000),
        ),
      ]);
      assert.deepEqual([...new Set(seen)], ["hello.md"]);
    } finally {
      await watcher.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
