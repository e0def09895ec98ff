import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import { copyProject, KILN_BIN } from "../helpers/build-fixture.js";
import { unprivileged } from "../helpers/unprivileged.js";
import { startDev } from "./dev-process.js";

describe("kiln dev with hostile folders in the project", () => {
  it("does not follow a link out of the project: ready at once, and edits out there reload nothing", async () => {
    const project = await copyProject("dev-site");
    const outside = await mkdtemp(path.join(tmpdir(), "kiln-outside-"));
    // Enough folders that following them would be seen (the report: a link to /usr).
    for (let i = 0; i < 200; i++)
      await mkdir(path.join(outside, `d${i}`, "deep"), { recursive: true });
    await writeFile(path.join(outside, "d0/deep/file.md"), "# outside\n");
    await symlink(outside, path.join(project.root, "src/outside-link"));
    await symlink("/usr", path.join(project.root, "src/usr-link"));
    const dev = await startDev(project.root);
    try {
      await new Promise((done) => setTimeout(done, 300));
      await writeFile(path.join(outside, "d0/deep/file.md"), "# edited outside\n");
      await new Promise((done) => setTimeout(done, 800));
      assert.doesNotMatch(dev.stderr(), /updated|internal error/);
      assert.equal((await fetch(dev.url)).status, 200);
    } finally {
      await dev.stop();
      await project.cleanup();
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("keeps serving when src/content holds symbolic-link loops", async () => {
    const project = await copyProject("dev-site");
    const posts = path.join(project.root, "src/content/posts");
    await symlink("loop-b", path.join(posts, "loop-a"));
    await symlink("loop-a", path.join(posts, "loop-b"));
    await symlink("self", path.join(project.root, "src/content/self"));
    const dev = await startDev(project.root);
    try {
      assert.equal((await fetch(dev.url)).status, 200);
      await writeFile(path.join(posts, "first.md"), "---\ntitle: Edited\n---\nStill watched.\n");
      await dev.waitForStderr(/updated/);
      assert.doesNotMatch(dev.stderr(), /internal error|ELOOP/);
    } finally {
      await dev.stop();
      await project.cleanup();
    }
  });

  it("reports an unreadable content folder as a coded error and still prints the URL", async () => {
    const project = await copyProject("dev-site");
    const hidden = path.join(project.root, "src/content/posts/private");
    await mkdir(hidden);
    await writeFile(path.join(hidden, "a.md"), "---\ntitle: A\n---\nA\n");
    await chmod(hidden, 0o000);
    const dev = await startDev(project.root, ["--port", "0"], { unprivileged: true });
    try {
      await dev.waitForStderr(/KILN_FS_ACCESS/);
      assert.match(dev.stderr(), /src\/content\/posts\/private/);
      assert.doesNotMatch(dev.stderr(), /internal error|\n\s+at /);
      // The page shows the same error, with the code, not a blank or a crash.
      const page = await fetch(dev.url);
      assert.equal(page.status, 500);
      assert.match(await page.text(), /KILN_FS_ACCESS/);
    } finally {
      await dev.stop();
      await chmod(hidden, 0o755);
      await project.cleanup();
    }
  });

  it("fails a build on an unreadable content folder with a coded error naming it, exit 1", async () => {
    const project = await copyProject("dev-site");
    const hidden = path.join(project.root, "src/content/posts/private");
    await mkdir(hidden);
    await chmod(hidden, 0o000);
    try {
      const { stdout, stderr } = await promisify(execFile)(
        "setpriv",
        unprivileged([process.execPath, KILN_BIN, "build", project.root]).slice(1),
        { env: { ...process.env, CI: "true" } },
      ).then(
        () => assert.fail("the build succeeded"),
        (error: { code: number; stdout: string; stderr: string }) => {
          assert.equal(error.code, 1);
          return error;
        },
      );
      assert.equal(stdout, "");
      assert.match(stderr, /^error KILN_FS_ACCESS: .*src\/content\/posts\/private/);
      assert.doesNotMatch(stderr, /internal error|\n\s+at /);
    } finally {
      await chmod(hidden, 0o755);
      await project.cleanup();
    }
  });
});
