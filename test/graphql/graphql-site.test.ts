import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

describe("query() in pages: GraphQL over the collections, at build time", () => {
  let project: Project;

  before(async () => {
    project = await copyProject("graphql-site");
    // Two workers: query() must see the store and schema in a render thread too.
    const result = await project.build("--workers", "2");
    assert.equal(result.code, 0, result.stderr);
  });

  after(() => project.cleanup());

  it("a page lists posts sorted by date, each with its author through the reference", async () => {
    const html = await project.html("index.html");
    const items = html.querySelectorAll("#posts li");
    assert.deepEqual(
      items.map((li) => li.getAttribute("data-id")),
      ["second", "third", "first"],
    );
    assert.deepEqual(
      items.map((li) => li.querySelector(".author")?.text),
      ["Grace Hopper", "Ada Lovelace", "Ada Lovelace"],
    );
    assert.equal(items[0]!.querySelector("time")?.text, "2024-03-05T00:00:00.000Z");
    assert.deepEqual(
      items[0]!.querySelectorAll(".related").map((span) => span.text),
      ["First post"],
    );
  });

  it("an optional field that no entry has is queryable and null", async () => {
    const html = await project.html("index.html");
    const subtitles = html
      .querySelectorAll("#posts li")
      .map((li) => li.getAttribute("data-subtitle"));
    assert.deepEqual(subtitles, ["null", "null", "null"]);
  });

  it("a page with variables: an author, and the author's posts with their HTML", async () => {
    const ada = await project.html("authors/ada/index.html");
    assert.equal(ada.querySelector("h1")?.text, "Ada Lovelace");
    assert.equal(ada.querySelector(".bio")?.text, "Wrote the first program.");
    assert.deepEqual(
      ada.querySelectorAll("article h2").map((h) => h.text),
      ["First post", "Third post"],
    );
    assert.equal(ada.querySelector("article em")?.text, "first");
    const grace = await project.html("authors/grace/index.html");
    assert.equal(grace.querySelector(".bio")?.text, "no bio");
    assert.deepEqual(
      grace.querySelectorAll("article h2").map((h) => h.text),
      ["Second post"],
    );
  });

  it("writes .kiln/graphql.d.ts with the schema's types, optional fields nullable", async () => {
    const types = await readFile(path.join(project.root, ".kiln/graphql.d.ts"), "utf8");
    assert.match(types, /declare namespace KilnGraphql \{/);
    assert.match(types, /interface Post \{[^}]*\n {4}subtitle: string \| null;/);
    assert.match(types, /interface Post \{[^}]*\n {4}author: Author;/);
    assert.match(types, /type PostKind = "essay" \| "note";/);
    assert.match(types, /allPosts: Post\[\];/);
  });

  it("a query asking for a field no schema declares fails the page, naming the field", async () => {
    const broken = await copyProject("graphql-site");
    try {
      const page = path.join(broken.root, "src/pages/index.tsx");
      const source = await readFile(page, "utf8");
      await writeFile(
        page,
        source.replace("      subtitle\n", "      subtitle\n      coverImage\n"),
      );
      // Without tsconfig.json naming the types file, no types are written.
      await rm(path.join(broken.root, "tsconfig.json"));
      const result = await broken.build("--workers", "0");
      assert.equal(existsSync(path.join(broken.root, ".kiln/graphql.d.ts")), false);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_GRAPHQL_QUERY/);
      assert.match(result.stderr, /Cannot query field "coverImage" on type "Post"/);
      assert.match(result.stderr, /src\/pages\/index\.tsx/);
      assert.doesNotMatch(result.stderr, /\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
    } finally {
      await broken.cleanup();
    }
  });
});
