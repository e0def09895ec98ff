import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

describe("kiln build --verify", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("markdown-images");
    const first = await project.build();
    assert.equal(first.code, 0, first.stderr);
  });
  after(() => project.cleanup());

  it("passes a warm build after an edit, saying how many files it compared", async () => {
    const post = path.join(project.root, "src/content/posts/hello.md");
    await writeFile(post, (await readFile(post, "utf8")) + "\nOne more line.\n");
    const result = await project.build("--verify");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /unchanged/);
    assert.match(result.stdout, /Verified: all \d+ files are byte-identical to a cold build\./);
  });

  it("fails, naming the file, when a reused page is not what a cold build writes", async () => {
    // An output page altered behind Kiln's back, with the cache's record of it altered to
    // match, is reused as it is: exactly the stale output --verify exists to catch.
    const page = path.join(project.outDir, "guide/index.html");
    const html = await readFile(page, "utf8");
    await writeFile(page, html.replace("<h1", "<h2").replace("</h1>", "</h2>"));
    const after = await stat(page);
    const cacheFile = path.join(project.root, ".kiln/incremental.json");
    const text = await readFile(cacheFile, "utf8");
    const cache = JSON.parse(text.slice(text.indexOf("\n") + 1)) as {
      routes: Record<string, { size: number; mtimeMs: number }>;
    };
    Object.assign(cache.routes["guide/index.html"]!, { size: after.size, mtimeMs: after.mtimeMs });
    const body = JSON.stringify(cache);
    await writeFile(cacheFile, `${createHash("sha256").update(body).digest("hex")}\n${body}`);
    const result = await project.build("--verify");
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_BUILD_VERIFY_FAILED/);
    assert.match(result.stderr, /1 file of the output differ/);
    assert.match(result.stderr, /guide\/index\.html: differs/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "a stack trace was printed");
  });
});
