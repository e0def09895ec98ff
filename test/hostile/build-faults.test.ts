import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmod, readdir, readlink, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { unprivileged } from "../helpers/unprivileged.js";
import {
  KILN_BIN,
  copyProject,
  kilnLeftovers,
  snapshot,
  type Project,
} from "../helpers/build-fixture.js";
import { createRandom } from "./fuzz-inputs.js";

function startBuild(project: Project) {
  const [command, ...args] = unprivileged([process.execPath, KILN_BIN, "build", project.root]);
  const child = spawn(command!, args, {
    env: { ...process.env, CI: "true" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stderr: () => stderr };
}

type Fault = "kill" | "remove .kiln" | "remove staging" | "read-only project" | "read-only public";

async function applyFault(
  project: Project,
  fault: Fault,
  child: { kill(signal: NodeJS.Signals): boolean },
) {
  switch (fault) {
    case "kill":
      child.kill("SIGKILL");
      return;
    case "remove .kiln":
      await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
      return;
    case "remove staging": {
      const live = await readlink(project.outDir).catch(() => "");
      for (const name of await readdir(project.root))
        if (name.startsWith(".dist.kiln-out-") && name !== live)
          await rm(path.join(project.root, name), { recursive: true, force: true });
      return;
    }
    case "read-only project":
      await chmod(project.root, 0o555);
      return;
    case "read-only public":
      await chmod(path.join(project.root, "public"), 0o000);
      return;
  }
}

describe("faults at random points of a build", () => {
  it(
    "always leave the old output or the new one, whole, and the next build recovers",
    { timeout: 150_000 },
    async (test) => {
      const random = createRandom(7);
      const project = await copyProject("basic-site");
      const page = path.join(project.root, "src/pages/variant.md");
      const useVariant = (name: string) =>
        writeFile(page, `# Variant ${name}\n\n${"Text. ".repeat(200)}\n`);
      const build = async () => {
        const run = startBuild(project);
        const { code } = await run.exited;
        assert.equal(code, 0, run.stderr());
        return snapshot(project.outDir);
      };
      try {
        const outputs = new Map<string, Map<string, Buffer>>();
        for (const name of ["A", "B"]) {
          await useVariant(name);
          outputs.set(name, await build());
        }
        let current = "B";
        const faults: Fault[] = [
          "kill",
          "remove .kiln",
          "remove staging",
          "read-only project",
          "read-only public",
        ];
        const seen: string[] = [];
        for (let trial = 0; trial < 15; trial++) {
          const next = current === "A" ? "B" : "A";
          await useVariant(next);
          const fault = random.pick(faults);
          const run = startBuild(project);
          await sleep(random.int(700));
          await applyFault(project, fault, run.child);
          const { code, signal } = await run.exited;
          await chmod(project.root, 0o755);
          await chmod(path.join(project.root, "public"), 0o755);
          const output = await snapshot(project.outDir);
          const whole = [...outputs].find(([, files]) => isDeepEqual(files, output))?.[0];
          assert.ok(
            whole,
            `trial ${trial} (${fault}): the output is neither the old nor the new one`,
          );
          if (code === 0)
            assert.equal(whole, next, `trial ${trial} (${fault}) succeeded with the old output`);
          else if (signal === null) {
            assert.equal(code, 1, run.stderr());
            assert.match(
              run.stderr(),
              /^error KILN_[A-Z_]+: /m,
              `trial ${trial} (${fault}):\n${run.stderr()}`,
            );
            assert.equal(whole, current, `trial ${trial} (${fault}) failed but changed the output`);
          }
          assert.doesNotMatch(run.stderr(), /internal error|^\s+at .*\.js:\d+/m, run.stderr());
          seen.push(`${fault}: ${signal ?? code}`);
          // The next build, with nothing in its way, finishes the job and cleans up.
          assert.ok(isDeepEqual(await build(), outputs.get(next)!), `trial ${trial}: recovery`);
          assert.deepEqual(await kilnLeftovers(project.outDir), []);
          current = next;
        }
        test.diagnostic(seen.join("; "));
      } finally {
        await chmod(project.root, 0o755).catch(() => {});
        await project.cleanup();
      }
    },
  );
});

function isDeepEqual(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  if (a.size !== b.size) return false;
  for (const [file, bytes] of a) if (!b.get(file)?.equals(bytes)) return false;
  return true;
}
