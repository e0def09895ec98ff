import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { copyProject, runKiln, type Project } from "../helpers/build-fixture.js";
import { startDev } from "../dev/dev-process.js";

// A config whose plugin deletes .kiln/ once, at the point KILN_TEST_REMOVE_AT names: right
// after the config compiled (kiln:config), after the pages compiled (kiln:routes), while the
// render workers start (the config's top level, as each worker imports it), while pages
// render (kiln:page, in the workers) and while outputs are written (kiln:output). A marker
// beside .kiln/ keeps it to once, so the build's one retry is undisturbed.
const FAULTY_CONFIG = `
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMainThread } from "node:worker_threads";
import { defineConfig, z } from "kiln-ssg";

const root = process.env.KILN_TEST_ROOT ?? "";
const removeAt = (point) => {
  if (process.env.KILN_TEST_REMOVE_AT !== point) return;
  const marker = path.join(root, "removed-once");
  if (existsSync(marker)) return;
  writeFileSync(marker, point);
  rmSync(path.join(root, ".kiln"), { recursive: true, force: true });
};
if (!isMainThread) removeAt("workers starting");

export default defineConfig({
  site: { title: "Basic", lang: "en" },
  collections: {
    posts: {
      schema: z.object({
        title: z.string(),
        date: z.coerce.date(),
        tags: z.array(z.string()).default([]),
      }),
    },
  },
  plugins: [
    {
      name: "remove-cache",
      hooks: {
        "kiln:config": () => removeAt("config compiled"),
        "kiln:routes": () => removeAt("pages compiled"),
        "kiln:page": () => removeAt("rendering"),
        "kiln:output": () => removeAt("writing"),
      },
    },
  ],
});
`;

const POINTS = ["config compiled", "pages compiled", "workers starting", "rendering", "writing"];

async function faultyProject(): Promise<Project> {
  const project = await copyProject("basic-site");
  await writeFile(path.join(project.root, "kiln.config.ts"), FAULTY_CONFIG);
  return project;
}

function build(project: Project, removeAt: string | undefined) {
  return runKiln(["build", project.root, "--workers", "2"], {
    env: { KILN_TEST_ROOT: project.root, KILN_TEST_REMOVE_AT: removeAt ?? "" },
  });
}

/** Success with the undisturbed bytes, or a coded error; never Kiln's internal error. */
async function assertSameOrCoded(
  project: Project,
  result: { code: number; stderr: string },
  expected: Map<string, Buffer>,
  label: string,
) {
  assert.doesNotMatch(result.stderr, /internal error/i, `${label}: ${result.stderr}`);
  if (result.code === 0) {
    assert.deepEqual(await project.snapshot(), expected, label);
  } else {
    assert.equal(result.code, 1, `${label}: ${result.stderr}`);
    assert.match(result.stderr, /KILN_[A-Z_]+/, label);
  }
}

describe("deleting .kiln/ during a build with render workers", () => {
  it("at each point of cold and warm builds: the same bytes, or a coded error", async () => {
    const project = await faultyProject();
    const marker = path.join(project.root, "removed-once");
    const changed = path.join(project.root, "src/pages/about.md");
    const about = await readFile(changed, "utf8");
    try {
      const baseline = await build(project, undefined);
      assert.equal(baseline.code, 0, baseline.stderr);
      const expected = await project.snapshot();
      for (const point of POINTS) {
        for (const kind of ["cold", "warm"] as const) {
          await rm(marker, { force: true });
          if (kind === "cold") await rm(path.join(project.root, ".kiln"), { recursive: true });
          // A warm build with a page to render: touch one page's text, then put it back.
          else await writeFile(changed, "# About\n\nChanged for a moment.\n");
          const label = `${kind} build, .kiln/ deleted at "${point}"`;
          if (kind === "warm") {
            const warmed = await build(project, undefined);
            assert.equal(warmed.code, 0, warmed.stderr);
            await writeFile(changed, about);
          }
          const result = await build(project, point);
          await assertSameOrCoded(project, result, expected, label);
          assert.equal(result.code, 0, `${label}: the build recompiles once\n${result.stderr}`);
        }
      }
    } finally {
      await project.cleanup();
    }
  });

  it("at random moments, from outside: the same bytes, or a coded error", async () => {
    const project = await faultyProject();
    try {
      const baseline = await build(project, undefined);
      assert.equal(baseline.code, 0, baseline.stderr);
      const expected = await project.snapshot();
      for (const delay of [0, 50, 150, 300, 600]) {
        const running = build(project, undefined);
        await sleep(delay);
        await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
        await assertSameOrCoded(project, await running, expected, `deleted after ${delay} ms`);
      }
    } finally {
      await project.cleanup();
    }
  });
});

describe("deleting .kiln/ during kiln dev", () => {
  it("keeps serving pages, and rebuilds them after a change", async () => {
    const project = await copyProject("basic-site");
    const dev = await startDev(project.root);
    try {
      assert.equal((await fetch(`${dev.url}about/`)).status, 200);
      await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
      for (const url of ["about/", "", "posts/first/"])
        assert.equal((await fetch(`${dev.url}${url}`)).status, 200, url);
      await writeFile(path.join(project.root, "src/pages/about.md"), "# About\n\nNew words.\n");
      await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
      let text = "";
      for (let i = 0; i < 100 && !text.includes("New words"); i++) {
        await sleep(100);
        text = await (await fetch(`${dev.url}about/`)).text();
      }
      assert.match(text, /New words/);
      assert.doesNotMatch(dev.stderr(), /internal error/i, dev.stderr());
    } finally {
      await dev.stop();
      await project.cleanup();
    }
  });
});
