import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { copyProject, runKiln, snapshot } from "../helpers/build-fixture.js";

describe("a config that reads the environment", () => {
  it("gives a warm build equal to a cold one when the value changes (no stale pages)", async () => {
    const project = await copyProject("basic-site");
    try {
      const config = path.join(project.root, "kiln.config.ts");
      await writeFile(
        config,
        (await readFile(config, "utf8")).replace(
          'title: "Basic"',
          'title: process.env["KILN_TEST_TITLE"] ?? "Basic"',
        ),
      );
      // A page without its own title shows the site's.
      await writeFile(path.join(project.root, "src/pages/plain.md"), "Just text.\n");
      const build = (title: string) =>
        runKiln(["build", project.root], { env: { KILN_TEST_TITLE: title } });
      assert.equal((await build("Preview one")).code, 0);
      assert.match(await project.read("plain/index.html"), /<title>Preview one<\/title>/);
      const warm = await build("Preview two");
      assert.equal(warm.code, 0, warm.stderr);
      const warmOutput = await snapshot(project.outDir);
      assert.match(warmOutput.get("plain/index.html")!.toString(), /<title>Preview two<\/title>/);
      await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
      assert.equal((await build("Preview two")).code, 0);
      assert.deepEqual(await snapshot(project.outDir), warmOutput, "warm output differs from cold");
    } finally {
      await project.cleanup();
    }
  });
});
