import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { chmod, lstat, mkdir, readlink, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { KILN_BIN, copyProject, kilnLeftovers, type Project } from "../helpers/build-fixture.js";
import { unprivileged } from "../helpers/unprivileged.js";

/** A build bound by permission bits, as any user's is (root ignores them). */
function buildUnprivileged(project: Project): Promise<{ code: number; stderr: string }> {
  const command = unprivileged([process.execPath, KILN_BIN, "build", project.root]);
  return new Promise((resolve) => {
    execFile(
      command[0]!,
      command.slice(1),
      { env: { ...process.env, CI: "true" } },
      (error, _out, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

describe("the output folder is swapped without a moment in which it is missing", () => {
  it("is a link to a versioned folder, replaced by one rename; readers never miss it", async () => {
    const project = await copyProject("basic-site");
    try {
      assert.equal((await project.build()).code, 0);
      const first = await readlink(project.outDir);
      assert.match(first, /^\.dist\.kiln-out-/);
      // A reader polling the output from another process all through five builds.
      const poller = spawn(
        process.execPath,
        [
          "-e",
          `const fs = require("node:fs"); let misses = 0, reads = 0;
           const file = process.argv[1];
           process.on("SIGTERM", () => { process.stdout.write(JSON.stringify({ misses, reads })); process.exit(0); });
           (function loop() { for (let i = 0; i < 200; i++) { reads++; if (!fs.existsSync(file)) misses++; } setImmediate(loop); })();`,
          path.join(project.outDir, "index.html"),
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      let report = "";
      poller.stdout.on("data", (chunk: Buffer) => (report += chunk.toString()));
      for (let i = 0; i < 5; i++) {
        await writeFile(path.join(project.root, "src/pages/extra.md"), `# Build ${i}\n`);
        assert.equal((await project.build()).code, 0);
      }
      const done = new Promise((resolve) => poller.once("exit", resolve));
      poller.kill("SIGTERM");
      await done;
      const { misses, reads } = JSON.parse(report) as { misses: number; reads: number };
      assert.ok(reads > 1000, `the poller read only ${reads} times`);
      assert.equal(misses, 0, `dist/index.html was missing ${misses} of ${reads} times`);
      assert.notEqual(await readlink(project.outDir), first);
      assert.deepEqual(await kilnLeftovers(project.outDir), [], "old versions were kept");
    } finally {
      await project.cleanup();
    }
  });

  it("takes over an output folder written by an older Kiln (a real folder) and one left aside by a crash", async () => {
    const project = await copyProject("basic-site");
    try {
      assert.equal((await project.build()).code, 0);
      const before = await project.snapshot();
      // An older Kiln's output: a real folder, and its crash leftover between two renames.
      const live = path.join(path.dirname(project.outDir), await readlink(project.outDir));
      await rename(project.outDir, path.join(project.root, "link-gone"));
      await rename(live, path.join(project.root, ".dist.kiln-old-99999"));
      await writeFile(path.join(project.root, "src/pages/extra.md"), "# New page\n");
      assert.equal((await project.build()).code, 0);
      assert.ok((await lstat(project.outDir)).isSymbolicLink());
      const after = await project.snapshot();
      assert.match(after.get("extra/index.html")!.toString(), /New page/);
      after.delete("extra/index.html");
      // The new page has its own Content-Security-Policy entry.
      for (const file of ["_headers", "_headers.nginx.conf"]) {
        after.delete(file);
        before.delete(file);
      }
      assert.deepEqual(after, before);
      await rename(path.join(project.root, "link-gone"), path.join(project.root, "other"));
      assert.deepEqual(await kilnLeftovers(project.outDir), []);
    } finally {
      await project.cleanup();
    }
  });

  it("warns, and keeps the new output, when the old one cannot be deleted; the next build tries again", async () => {
    const project = await copyProject("basic-site");
    try {
      assert.equal((await buildUnprivileged(project)).code, 0);
      const old = path.join(project.root, await readlink(project.outDir));
      // A folder its owner cannot delete from: the clean-up after the next swap fails.
      await mkdir(path.join(old, "stuck"));
      await writeFile(path.join(old, "stuck/file.txt"), "x");
      await chmod(path.join(old, "stuck"), 0o555);
      await writeFile(path.join(project.root, "src/pages/extra.md"), "# New page\n");

      for (let i = 0; i < 2; i++) {
        const result = await buildUnprivileged(project);
        assert.equal(result.code, 0, result.stderr);
        assert.match(
          result.stderr,
          /warning: could not remove the old output .*\.dist\.kiln-out-.*EACCES/,
        );
        assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
        assert.match(await project.read("extra/index.html"), /New page/);
      }
      await chmod(path.join(old, "stuck"), 0o755);
      const clean = await buildUnprivileged(project);
      assert.equal(clean.code, 0, clean.stderr);
      assert.doesNotMatch(clean.stderr.replace(/^warning: no site\.url.*\n/m, ""), /warning/);
      assert.deepEqual(await kilnLeftovers(project.outDir), []);
    } finally {
      await project.cleanup();
    }
  });

  for (const [name, makeUnreadable] of [
    [
      "a public file it cannot read",
      (root: string) => chmod(path.join(root, "public/robots.txt"), 0o000),
    ],
    ["an output folder whose parent it cannot write", (root: string) => chmod(root, 0o555)],
  ] as const) {
    it(`stops on ${name} with a coded error naming the path, keeping the old output`, async () => {
      const project = await copyProject("basic-site");
      try {
        assert.equal((await buildUnprivileged(project)).code, 0);
        const before = await project.snapshot();
        await writeFile(path.join(project.root, "src/pages/extra.md"), "# New page\n");
        await makeUnreadable(project.root);
        const result = await buildUnprivileged(project);
        assert.equal(result.code, 1, result.stderr);
        assert.match(result.stderr, /^error KILN_FS_ACCESS: Kiln could not \w+ \//);
        assert.ok(result.stderr.includes(project.root), result.stderr);
        assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
        assert.deepEqual(await project.snapshot(), before);
      } finally {
        await chmod(project.root, 0o755);
        await project.cleanup();
      }
    });
  }
});
