import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseYaml } from "../../src/content/index.js";
import { KilnError } from "../../src/errors/index.js";
import { globMatcher } from "../../src/content/glob.js";
import { copyProject, runKiln, type Project } from "../helpers/build-fixture.js";

/** A site moved from Eleventy: collections in src/site/headless-cms/<name>/, one tab-indented file. */
describe("collections where the content is (dir, include, exclude, invalid)", () => {
  let project: Project;
  // The fixture's optional GitHub source stays off the network: no token, so no request.
  const build = () => runKiln(["build", project.root], { env: { GITHUB_TOKEN: "" } });
  before(async () => {
    project = await copyProject("migrated-eleventy");
  });
  after(() => project.cleanup());

  it("reads each collection from its dir, narrowed by include and exclude, skipping what does not parse with one warning", async () => {
    const result = await build();
    assert.equal(result.code, 0, result.stderr);
    const page = await project.html("index.html");
    assert.deepEqual(
      page.querySelectorAll("#generators li").map((li) => li.text),
      ["Eleventy (JavaScript)", "Hugo (Go)"],
    );
    // include: ["*.md"] leaves data.json out of posts.
    assert.deepEqual(
      page.querySelectorAll("#posts li").map((li) => li.text),
      ["launch"],
    );
    assert.equal(result.stderr.match(/leaves out/g)?.length, 1, result.stderr);
    assert.match(
      result.stderr,
      /collection "generators" leaves out 1 file\(s\)[^\n]*\n {2}src\/site\/headless-cms\/generators\/tabbed\.md:5:1 Invalid YAML/,
    );
    // The excluded draft never reached its schema (it has no `language`).
    assert.doesNotMatch(result.stderr, /unfinished/);
  });

  it("fails on the file by default, with a hint that an older parser accepted it", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    const original = await readFile(config, "utf8");
    await writeFile(config, original.replace('invalid: "skip",', ""));
    try {
      const result = await build();
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_DATA_SYNTAX/);
      assert.match(result.stderr, /generators\/tabbed\.md:5:1/);
      assert.match(result.stderr, /js-yaml 3, which Eleventy uses/);
      assert.doesNotMatch(result.stderr, /\n\s+at .*\.js:\d+/);
    } finally {
      await writeFile(config, original);
    }
  });

  it("names a dir that is not a folder of the project", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    const original = await readFile(config, "utf8");
    try {
      await writeFile(config, original.replace("headless-cms/posts", "headless-cms/missing"));
      const missing = await build();
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /KILN_COLLECTION_DIR_MISSING/);
      assert.match(missing.stderr, /collections\.posts\.dir/);
      await writeFile(config, original.replace("src/site/headless-cms/posts", "../elsewhere"));
      const outside = await build();
      assert.equal(outside.code, 1);
      assert.match(outside.stderr, /collections\.posts\.dir/);
      assert.match(outside.stderr, /a folder inside the project/);
    } finally {
      await writeFile(config, original);
    }
  });
});

describe("YAML an older parser accepted", () => {
  it("says so in the hint of a tab-indented file, and not for other syntax errors", () => {
    const hint = (text: string) => {
      try {
        parseYaml(text, { file: "x.yaml", lineOffset: 0 });
      } catch (error) {
        assert.ok(KilnError.is(error));
        return error.hint;
      }
      assert.fail("expected a syntax error");
    };
    assert.match(hint("tags:\n\t- a\n") ?? "", /js-yaml 3/);
    assert.equal(hint("a: b: c\n"), undefined);
  });
});

describe("globMatcher", () => {
  it("matches *, ** and {a,b} against paths relative to the collection", () => {
    const matches = globMatcher(["**/*.md", "drafts/", "{a,b}/x.yaml"]);
    for (const yes of ["a.md", "x/y/a.md", "drafts/q.json", "b/x.yaml"])
      assert.ok(matches(yes), yes);
    for (const no of ["a.mdx", "c/x.yaml", "draftsx/q.json"]) assert.ok(!matches(no), no);
  });
});
