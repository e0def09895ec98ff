import assert from "node:assert/strict";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { copyProject, kilnLeftovers, runKiln, type Project } from "../helpers/build-fixture.js";

/** The text Pagefind keeps of each page (for excerpts): its fragments, gzipped JSON. */
async function indexedText(project: Project): Promise<string[]> {
  const files = (await project.files()).filter((f) => f.startsWith("pagefind/fragment/"));
  return Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(path.join(project.outDir, file));
      const json = gunzipSync(bytes)
        .toString("utf8")
        .replace(/^pagefind_dcd/, "");
      return (JSON.parse(json) as { content: string }).content;
    }),
  );
}

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** `search: true` builds a Pagefind index into the output, swapped in with the pages or not at all. */
describe("the search index", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("search-index");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  it("is written to pagefind/ with every page, and only the files the search needs", async () => {
    const files = (await project.files()).filter((f) => f.startsWith("pagefind/"));
    const entry = JSON.parse(await project.read("pagefind/pagefind-entry.json")) as PagefindEntry;
    assert.equal(entry.languages["en"]?.page_count, 2);
    for (const expected of [/^pagefind\/pagefind\.js$/, /^pagefind\/pagefind-worker\.js$/])
      assert.ok(
        files.some((f) => expected.test(f)),
        `${expected} in ${files.join(", ")}`,
      );
    assert.ok(files.some((f) => /^pagefind\/wasm\.en\.pagefind$/.test(f)));
    assert.ok(files.some((f) => /^pagefind\/index\/en_[0-9a-f]+\.pf_index$/.test(f)));
    assert.equal(files.filter((f) => f.startsWith("pagefind/fragment/")).length, 2);
    assert.ok(!files.some((f) => /pagefind-(ui|component-ui|modular-ui|highlight)/.test(f)));
    const text = (await indexedText(project)).join("\n");
    assert.match(text, /A celadon glaze turns green/);
    assert.match(text, /Cone six recipe/);
  });

  it("leaves the previous output and index whole when a later check fails the build", async () => {
    const before = await project.snapshot();
    await appendFile(path.join(project.root, "src/pages/glaze.md"), "\n[Gone](/missing/)\n");
    const result = await project.build();
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_BROKEN_LINKS|missing/);
    assert.deepEqual(await project.snapshot(), before);
    assert.deepEqual(await kilnLeftovers(project.outDir), []);
  });

  it("fails with KILN_SEARCH_INDEX, keeping the previous output, when Pagefind cannot run", async () => {
    const glaze = path.join(project.root, "src/pages/glaze.md");
    await writeFile(glaze, (await readFile(glaze, "utf8")).replace("\n[Gone](/missing/)\n", ""));
    await appendFile(glaze, "\nShino glazes crawl.\n");
    const before = await project.snapshot();
    const result = await runKiln(["build", project.root], {
      env: { PAGEFIND_BINARY_PATH: path.join(project.root, "no-such-pagefind") },
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /error KILN_SEARCH_INDEX: The search index/);
    assert.match(
      result.stderr,
      /PAGEFIND_BINARY_PATH names .*no-such-pagefind, which does not exist/,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /, "a stack trace was printed");
    assert.deepEqual(await project.snapshot(), before);
    assert.deepEqual(await kilnLeftovers(project.outDir), []);
  });

  it("leaves out what search.exclude names", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    const source = await readFile(config, "utf8");
    await writeFile(config, source.replace("search: true", 'search: { exclude: [".aside"] }'));
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    const text = (await indexedText(project)).join("\n");
    assert.match(text, /A celadon glaze turns green/);
    assert.doesNotMatch(text, /Cone six/);
    await writeFile(config, source);
  });

  it("is not written with search: false, nor by a shard", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    await writeFile(
      config,
      (await readFile(config, "utf8")).replace("search: true", "search: false"),
    );
    assert.equal((await project.build()).code, 0);
    assert.ok(!(await project.files()).some((f) => f.startsWith("pagefind/")));
    await writeFile(
      config,
      (await readFile(config, "utf8")).replace("search: false", "search: true"),
    );
    const shard = await project.build("--shard", "1/2");
    assert.equal(shard.code, 0, shard.stderr);
    assert.ok(!(await project.files()).some((f) => f.startsWith("pagefind/")));
  });
});
