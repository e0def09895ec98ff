import assert from "node:assert/strict";
import { rm, symlink } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { entryId } from "../../src/content/index.js";
import { copyProject, runKiln, type Project } from "../helpers/build-fixture.js";

/**
 * Gatsby's blog starter moved as is: posts in content/blog/<slug>/index.md with their images
 * beside them, and src/content/blog a symbolic link to that folder.
 */
describe("a Gatsby-style blog through a symlinked collection folder", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("migrated-gatsby");
    await symlink("../../content/blog", path.join(project.root, "src/content/blog"));
  });
  after(() => project.cleanup());

  it("follows the link; each <slug>/index.md is the entry <slug>, its co-located image optimised", async () => {
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    const home = await project.html("index.html");
    assert.deepEqual(
      home.querySelectorAll("#posts a").map((a) => a.getAttribute("href")),
      ["/blog/hello-world/", "/blog/my-second-post/"],
    );
    const post = await project.html("blog/hello-world/index.html");
    const img = post.querySelector("picture img");
    assert.ok(img, "the co-located image went through the image pipeline");
    assert.match(img.getAttribute("src") ?? "", /^\/_kiln\/img\/salty_egg-\d+w-[0-9a-f]+\.jpg$/);
    assert.equal(img.getAttribute("alt"), "Chinese Salty Egg");
    assert.ok(post.querySelector('picture source[type="image/avif"]'));
    assert.doesNotMatch(result.stderr, /has no entries/);
  });

  it("warns when a collection a page lists ends up empty (a link to a folder not there)", async () => {
    const link = path.join(project.root, "src/content/blog");
    await rm(link);
    await symlink("../../content/not-moved-yet", link);
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr.match(/has no entries/g)?.length, 1, result.stderr);
    assert.match(result.stderr, /collection "blog" has no entries, but \/ lists it/);
    // `kiln check` no longer says nothing about it.
    const check = await runKiln(["check", project.root]);
    assert.match(check.stderr, /collection "blog" has no entries/);
  });
});

describe("entryId", () => {
  it("names a folder's index file by the folder", () => {
    assert.equal(entryId("hello-world/index.md"), "hello-world");
    assert.equal(entryId("2024/hello/index.mdx"), "2024/hello");
    assert.equal(entryId("index.md"), "index");
    assert.equal(entryId("2024/hello.md"), "2024/hello");
    assert.equal(entryId("reindex.md"), "reindex");
  });
});
