import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { KILN_BIN, copyProject, kilnLeftovers, type Project } from "../helpers/build-fixture.js";

/** Starts `kiln build`, resolving once it printed `ready` to stderr (or at once without it). */
function startBuild(project: Project, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [KILN_BIN, "build", project.root], {
    env: { ...process.env, CI: "true", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, exited, stderr: () => stderr };
}

const HANGS: [string, string][] = [
  ["a config that loops at import", "while (true) {}\nexport default defineConfig({});"],
  [
    "a config that awaits forever, with a timer running",
    "setInterval(() => {}, 1000);\nawait new Promise(() => {});\nexport default defineConfig({});",
  ],
  [
    "a plugin hook that never settles while a timer runs",
    `setInterval(() => {}, 1000);
export default defineConfig({
  plugins: [{ name: "stuck-plugin", hooks: { "kiln:output": () => new Promise(() => {}) } }],
});`,
  ],
];

async function projectWith(
  config: string,
): Promise<{ project: Project; before: Map<string, Buffer> }> {
  const project = await copyProject("basic-site");
  const first = await project.build();
  assert.equal(first.code, 0, first.stderr);
  const before = await project.snapshot();
  await writeFile(
    path.join(project.root, "kiln.config.ts"),
    `import { defineConfig } from "kiln-ssg";\n${config}\n`,
  );
  return { project, before };
}

async function assertCleanAfter(project: Project, before: Map<string, Buffer>) {
  assert.ok(!existsSync(path.join(project.root, ".kiln-build.lock")), "the lock was left behind");
  assert.deepEqual(await kilnLeftovers(project.outDir), [], "a staging folder was left behind");
  assert.deepEqual(await project.snapshot(), before, "the previous output changed");
}

describe("a build that hangs in user code", () => {
  for (const [what, config] of HANGS) {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      it(`${what}: ${signal} stops it with a message and cleans up`, async () => {
        const { project, before } = await projectWith(config);
        try {
          const run = startBuild(project);
          // Bounded: the build is given time to reach the hang, then interrupted.
          const hung = await Promise.race([
            run.exited.then(() => false),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 4000)),
          ]);
          assert.ok(hung, `the build should hang until interrupted:\n${run.stderr()}`);
          run.child.kill(signal);
          const code = await Promise.race([
            run.exited,
            new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 15_000)),
          ]);
          if (code === "still running") run.child.kill("SIGKILL");
          assert.equal(code, 130, run.stderr());
          assert.match(run.stderr(), /Build interrupted/);
          await assertCleanAfter(project, before);
        } finally {
          await project.cleanup();
        }
      });
    }
  }

  for (const [what, config, pattern] of [
    [
      "a config that awaits a promise nothing settles",
      "await new Promise(() => {});\nexport default defineConfig({});",
      /KILN_CONFIG_TIMEOUT[\s\S]*kiln\.config\.ts/,
    ],
    [
      "a plugin hook that awaits a promise nothing settles",
      'export default defineConfig({ plugins: [{ name: "stuck-plugin", hooks: { "kiln:output": () => new Promise(() => {}) } }] });',
      /KILN_HOOK_TIMEOUT[\s\S]*stuck-plugin[\s\S]*kiln:output/,
    ],
    [
      "a plugin hook past the time limit",
      'setInterval(() => {}, 1000);\nexport default defineConfig({ plugins: [{ name: "slow-plugin", hooks: { "kiln:routes": () => new Promise(() => {}) } }] });',
      /KILN_HOOK_TIMEOUT[\s\S]*slow-plugin[\s\S]*kiln:routes[\s\S]*8 s/,
    ],
  ] as const) {
    it(`${what} is a coded error naming it, and cleans up`, async () => {
      const { project, before } = await projectWith(config);
      try {
        const run = startBuild(project, { KILN_TIME_LIMIT: "8" });
        const code = await Promise.race([
          run.exited,
          new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 30_000)),
        ]);
        if (code === "still running") run.child.kill("SIGKILL");
        assert.equal(code, 1, run.stderr());
        assert.match(run.stderr(), pattern);
        assert.doesNotMatch(run.stderr(), /internal error/i);
        await assertCleanAfter(project, before);
      } finally {
        await project.cleanup();
      }
    });
  }
});
