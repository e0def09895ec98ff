import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { acquireBuildLock, lockFileOf } from "../../src/build/build-lock.js";
import { KilnError } from "../../src/errors/index.js";

async function tempRoot(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "kiln-lock-"));
}

function assertLocked(fn: () => unknown) {
  assert.throws(fn, (error) => KilnError.is(error) && error.code === "KILN_BUILD_LOCKED");
}

describe("the build lock", () => {
  it("appears with the owner's pid in it, and leaves no other file behind", async () => {
    const root = await tempRoot();
    try {
      const release = acquireBuildLock(root);
      assert.equal(await readFile(lockFileOf(root), "utf8"), String(process.pid));
      assert.deepEqual(await readdir(root), [".kiln-build.lock"]);
      release();
      assert.deepEqual(await readdir(root), []);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("found empty (another build just made it) is not deleted nor built beside", async () => {
    const root = await tempRoot();
    try {
      await writeFile(lockFileOf(root), "");
      assertLocked(() => acquireBuildLock(root));
      assert.equal(await readFile(lockFileOf(root), "utf8"), "", "the lock was kept as it was");
      assert.deepEqual(await readdir(root), [".kiln-build.lock"]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("held by a live process refuses; left by a dead one is taken over", async () => {
    const root = await tempRoot();
    try {
      await writeFile(lockFileOf(root), String(process.pid));
      assertLocked(() => acquireBuildLock(root));
      const child = spawn(process.execPath, ["-e", ""]);
      const dead = await new Promise<number>((resolve) =>
        child.once("exit", () => resolve(child.pid!)),
      );
      await writeFile(lockFileOf(root), String(dead));
      const release = acquireBuildLock(root);
      assert.equal(await readFile(lockFileOf(root), "utf8"), String(process.pid));
      release();
      assert.ok(!existsSync(lockFileOf(root)));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
