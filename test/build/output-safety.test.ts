import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, it } from "node:test";
import { KILN_BIN, copyProject, kilnLeftovers, type Project } from "../helpers/build-fixture.js";

/** A page whose paths() waits until the test lets it go, so a build can be caught mid-way. */
const SLOW_PAGE = `
import { existsSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
export async function paths() {
  writeFileSync(process.env.KILN_TEST_STARTED ?? "", "");
  for (let i = 0; i < 300 && !existsSync(process.env.KILN_TEST_RELEASE ?? ""); i++) await sleep(100);
  return [{ params: { id: "one" } }];
}
export default () => <p>slow</p>;
`;

/** Starts a build that stops in paths() until `release()`; resolves once it got there. */
async function startSlowBuild(project: Project) {
  await writeFile(path.join(project.root, "src/pages/[id].tsx"), SLOW_PAGE);
  const releaseFile = path.join(project.root, "release");
  const started = path.join(project.root, "started");
  const child = spawn(process.execPath, [KILN_BIN, "build", project.root], {
    env: { ...process.env, CI: "true", KILN_TEST_RELEASE: releaseFile, KILN_TEST_STARTED: started },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  for (let i = 0; i < 300 && !existsSync(started); i++) await sleep(100);
  assert.ok(existsSync(started), "the slow build never started");
  return {
    child,
    exited,
    stderr: () => stderr,
    release: () => writeFile(releaseFile, ""),
    removePage: () => rm(path.join(project.root, "src/pages/[id].tsx")),
  };
}

const leftovers = (root: string) => kilnLeftovers(path.join(root, "dist"));

describe("the output folder is never lost", () => {
  let project: Project;
  beforeEach(async () => {
    project = await copyProject("basic-site");
  });
  afterEach(() => project.cleanup());

  for (const [name, out, reason] of [
    ["the project folder", ".", /it is the project folder/],
    ["a folder containing the project", "..", /contains the project folder/],
    ["the source folder", "src", /overlaps the source folder/],
    ["a folder inside public", "public/out", /overlaps the public folder/],
  ] as const) {
    it(`refuses ${name} as the output`, async () => {
      const result = await project.build("--out", out);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /^error KILN_OUTDIR_UNSAFE: /);
      assert.match(result.stderr, reason);
      assert.ok(
        existsSync(path.join(project.root, "src/pages/index.tsx")),
        "the project was damaged",
      );
    });
  }

  it("refuses an output folder holding a .git folder", async () => {
    await mkdir(path.join(project.root, "site/.git"), { recursive: true });
    const result = await project.build("--out", "site");
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_OUTDIR_UNSAFE.*\.git/);
    assert.ok(existsSync(path.join(project.root, "site/.git")));
  });

  it("a second build waits its turn; a killed build leaves the old output; the next build recovers", async () => {
    assert.equal((await project.build()).code, 0);
    const before = await project.snapshot();
    const slow = await startSlowBuild(project);
    try {
      const second = await project.build();
      assert.equal(second.code, 1);
      assert.match(
        second.stderr,
        new RegExp(`^error KILN_BUILD_LOCKED: .*process ${slow.child.pid}`),
      );

      slow.child.kill("SIGKILL");
      await slow.exited;
      assert.deepEqual(await project.snapshot(), before, "a killed build changed the output");

      await slow.removePage();
      const third = await project.build();
      assert.equal(third.code, 0, third.stderr);
      assert.deepEqual(await leftovers(project.root), []);
    } finally {
      slow.child.kill("SIGKILL");
    }
  });

  it("deleting .kiln/ during a build neither fails it nor lets a second build run beside it", async () => {
    assert.equal((await project.build()).code, 0);
    const slow = await startSlowBuild(project);
    try {
      await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
      const second = await project.build();
      assert.equal(second.code, 1);
      assert.match(second.stderr, /^error KILN_BUILD_LOCKED: /);
      await slow.release();
      assert.equal(await slow.exited, 0, slow.stderr());
      assert.match(await project.read("one/index.html"), /slow/);
      assert.deepEqual(await leftovers(project.root), []);
    } finally {
      slow.child.kill("SIGKILL");
    }
  });

  it("Ctrl-C stops the build and keeps the old output", async () => {
    assert.equal((await project.build()).code, 0);
    const before = await project.snapshot();
    const slow = await startSlowBuild(project);
    slow.child.kill("SIGINT");
    await slow.release();
    assert.equal(await slow.exited, 130, slow.stderr());
    assert.match(slow.stderr(), /interrupted; the previous output is unchanged/);
    assert.deepEqual(await project.snapshot(), before);
    assert.deepEqual(await leftovers(project.root), []);
    assert.ok(!existsSync(path.join(project.root, ".kiln-build.lock")), "the lock was left behind");
  });

  it("a build killed between its two renames gets the old output back on the next build", async () => {
    assert.equal((await project.build()).code, 0);
    const before = await project.snapshot();
    // The state a crash between "rename old aside" and "rename staging in" leaves.
    await rename(project.outDir, path.join(project.root, ".dist.kiln-old-99999"));
    await writeFile(path.join(project.root, "src/pages/bad.md"), "---\nlayout: Missing\n---\n");
    const result = await project.build();
    assert.equal(result.code, 1);
    assert.deepEqual(await project.snapshot(), before);
  });
});
