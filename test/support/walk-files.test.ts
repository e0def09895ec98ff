import assert from "node:assert/strict";
import fsp, { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { walkFiles } from "../../src/support/index.js";

/**
 * One file at depth 1,000 (issue 24: a realpath per folder made the walk quadratic, 57 s):
 * the walk resolves only the root and each symbolic link, so its work is linear in depth.
 * Counted, not timed: realpath is wrapped (Node's own function still does the work).
 */
describe("walkFiles in deep folders", { timeout: 60_000 }, () => {
  let root: string;
  let deep: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), "kiln-walk-"));
    deep = path.join(root, ...Array.from({ length: 1000 }, () => "d"));
    await mkdir(deep, { recursive: true });
    await writeFile(path.join(deep, "x.txt"), "deep");
    await symlink(path.join(root, "d"), path.join(root, "link"));
    await symlink(root, path.join(deep, "loop"));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it("finds the file at depth 1,000 with one realpath for the root and one per link", async () => {
    const original = fsp.realpath;
    let calls = 0;
    fsp.realpath = ((...args: Parameters<typeof original>) => {
      calls++;
      return original(...args);
    }) as typeof original;
    syncBuiltinESMExports();
    try {
      const files = await walkFiles(root, () => false);
      // The link to d/ leads to folders already walked; the loop at the bottom to the root.
      assert.deepEqual(files, [path.join(deep, "x.txt")]);
      assert.equal(calls, 3);
    } finally {
      fsp.realpath = original;
      syncBuiltinESMExports();
    }
  });
});
