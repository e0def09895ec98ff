import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { copyProject, runKiln } from "../helpers/build-fixture.js";
import { startDev } from "./dev-process.js";

describe("kiln dev beside kiln build", () => {
  it("does not reload for a build's output versions, even with the output in a subfolder", async () => {
    const project = await copyProject("dev-site");
    const config = path.join(project.root, "kiln.config.ts");
    await writeFile(
      config,
      (await readFile(config, "utf8")).replace(
        "defineConfig({",
        'defineConfig({\n  outDir: "build/site",',
      ),
    );
    // The output's parent exists already: its own creation would be an edit like any other.
    await mkdir(path.join(project.root, "build"));
    const dev = await startDev(project.root);
    try {
      for (let i = 0; i < 2; i++) {
        const built = await runKiln(["build", project.root]);
        assert.equal(built.code, 0, built.stderr);
      }
      await sleep(500);
      assert.doesNotMatch(dev.stderr(), /updated/);
    } finally {
      await dev.stop();
      await project.cleanup();
    }
  });
});
