import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, KILN_BIN, type Project } from "../helpers/build-fixture.js";
import { manyPagesProject } from "../perf/many-pages.js";
import { startDev } from "../dev/dev-process.js";

/**
 * DESIGN: "The cache can be deleted at any time without changing the output" (issue 26).
 * `.kiln/` is deleted again and again while a build runs with workers: after the config
 * compiled, while pages compile, as workers start and import pages, while they render and
 * write. Every build must succeed with the undisturbed bytes or fail with a coded error.
 */
function buildWhileDeleting(project: Project, delays: readonly number[], args: string[]) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(process.execPath, [KILN_BIN, "build", project.root, ...args], {
      env: { ...process.env, CI: "true" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timers = delays.map((delay) =>
      // The build may be writing into it: a failed rm is a deletion that came too early.
      setTimeout(
        () =>
          void rm(path.join(project.root, ".kiln"), { recursive: true, force: true }).catch(
            () => undefined,
          ),
        delay,
      ),
    );
    const deadline = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (code) => {
      for (const timer of [...timers, deadline]) clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

const SCHEDULES: readonly (readonly number[])[] = [
  [50, 150],
  [150, 300, 450],
  [250, 400, 550, 700],
  [400, 600, 800, 1000, 1200],
  [700, 900, 1100, 1400, 1800, 2400],
];

const SITES: [string, () => Promise<Project>][] = [
  // Plugins: workers import the compiled config for its page hooks.
  ["plugins", () => copyProject("plugins")],
  // MDX entries and components: compiled modules every worker imports at start.
  ["markdown-mdx", () => copyProject("markdown-mdx")],
  // Enough pages that deletions land while workers import pages, render and write.
  ["300 pages", () => manyPagesProject(300)],
];

for (const [name, make] of SITES) {
  describe(`deleting .kiln/ during a build (${name})`, { timeout: 300_000 }, () => {
    let project: Project;
    let expected: Map<string, Buffer>;
    before(async () => {
      project = await make();
      const first = await project.build("--workers", "2");
      assert.equal(first.code, 0, first.stderr);
      expected = await project.snapshot();
    });
    after(async () => project?.cleanup());

    for (const [mode, reset] of [
      ["cold", true],
      ["warm", false],
    ] as const) {
      it(`${mode} builds with workers: the same bytes or a coded error, never an internal one`, async () => {
        for (const delays of SCHEDULES) {
          if (reset) await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
          const { code, output } = await buildWhileDeleting(project, delays, ["--workers", "2"]);
          assert.doesNotMatch(output, /internal error|This is a bug/, output);
          if (code === 0) {
            assert.deepEqual(
              await project.snapshot(),
              expected,
              `${delays.join(",")}: output changed`,
            );
          } else {
            assert.equal(code, 1, output);
            assert.match(output, /error KILN_[A-Z_]+/, output);
            assert.deepEqual(await project.snapshot(), expected, "a failed build keeps the output");
          }
        }
      });
    }
  });
}

describe("deleting .kiln/ during a kiln dev session", { timeout: 120_000 }, () => {
  it("keeps serving pages, and serves an edited page after the cache is gone", async () => {
    const project = await copyProject("markdown-mdx");
    const dev = await startDev(project.root);
    try {
      const home = await fetch(dev.url);
      assert.equal(home.status, 200);
      for (let round = 0; round < 3; round++) {
        await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
        const page = path.join(project.root, "src/pages/index.mdx");
        await writeFile(page, `${await readFile(page, "utf8")}\n\nEdited in round ${round}.\n`);
        await dev.waitForStderr(/updated|reloaded|changed/, 20_000).catch(() => {});
        let body = "";
        for (let tries = 0; tries < 50 && !body.includes(`round ${round}`); tries++) {
          const response = await fetch(dev.url);
          assert.equal(response.status, 200);
          body = await response.text();
          if (!body.includes(`round ${round}`)) await new Promise((r) => setTimeout(r, 200));
        }
        assert.match(body, new RegExp(`Edited in round ${round}`));
      }
      assert.doesNotMatch(dev.stderr(), /internal error|This is a bug/);
    } finally {
      await dev.stop();
      await project.cleanup();
    }
  });
});
