import assert from "node:assert/strict";
import { mkdtemp, readFile, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { catalog } from "../../src/errors/index.js";
import { configSchema } from "../../src/config/schema.js";
import { generatedPages } from "../../scripts/docs/generate.js";
import { REPO, listFiles, runKiln } from "../helpers/build-fixture.js";

describe("Kiln's docs site (docs/)", () => {
  it("the config and error references are what `npm run docs:gen` writes (run it after changing the schema or the catalog)", async () => {
    for (const [file, expected] of generatedPages()) {
      const actual = await readFile(path.join(REPO, file), "utf8");
      assert.ok(actual === expected, `${file} is stale: run \`npm run docs:gen\``);
    }
  });

  it("the config reference has every key of the schema with a description; the error reference every code once, each entry with its cause", () => {
    const pages = generatedPages();
    const config = pages.get("docs/src/content/docs/config.md")!;
    for (const key of Object.keys(configSchema.shape))
      assert.match(config, new RegExp(`^## ${key}$`, "m"));
    const undocumented = config.split("\n").filter((line) => /^\| `[^|]*\|.*\|\s*\|$/.test(line));
    assert.deepEqual(undocumented, [], "keys without a JSDoc description in src/config/schema.ts");
    const errors = pages.get("docs/src/content/docs/errors.md")!;
    const uncaused = Object.entries(catalog).filter(([, entry]) => !entry.cause);
    assert.deepEqual(
      uncaused.map(([name]) => name),
      [],
      "catalog entries without a `cause`",
    );
    const codes = Object.values(catalog).map((entry) => entry.code);
    for (const code of codes) {
      assert.equal(errors.split("\n").filter((line) => line === `## ${code}`).length, 1, code);
    }
  });

  it("shares the docs starter's pages, layouts, public files and collection schema rather than copying them", async () => {
    for (const shared of ["src/pages", "src/layouts", "src/docs.ts", "public"]) {
      assert.equal(
        await realpath(path.join(REPO, "docs", shared)),
        await realpath(path.join(REPO, "examples/docs", shared)),
        `docs/${shared} is the starter's`,
      );
    }
    const config = await readFile(path.join(REPO, "docs/kiln.config.ts"), "utf8");
    assert.match(config, /from "\.\.\/examples\/docs\/kiln\.config"/);
    assert.match(config, /\.\.\.starter/);
  });

  it("builds with the default checks (links, accessibility), every page of the docs starter, and every error's anchor", async () => {
    // Built where it is (its config and links reach the starter by relative paths), into a
    // temp folder; only the cache, docs/.kiln/, is written in the repository (ignored by git).
    const outDir = await mkdtemp(path.join(tmpdir(), "kiln-docs-site-"));
    const out = path.join(outDir, "dist");
    try {
      const result = await runKiln(["build", "docs", "--out", out]);
      assert.equal(result.code, 0, result.stderr);
      const files = await listFiles(out);
      for (const page of ["getting-started", "config", "errors", "content", "deploy", "check"]) {
        assert.ok(files.includes(`${page}/index.html`), `${page}/ is built`);
      }
      const errors = parse(await readFile(path.join(out, "errors/index.html"), "utf8"));
      for (const entry of Object.values(catalog)) {
        assert.ok(errors.querySelector(`[id="${entry.code.toLowerCase()}"]`), entry.code);
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
