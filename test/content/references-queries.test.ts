import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import {
  ContentStore,
  queryCollection,
  runWithStore,
  type Entry,
} from "../../src/content/index.js";
import { copyProject, REPO, type Project } from "../helpers/build-fixture.js";

function entry(collection: string, id: string, data: Record<string, unknown>): Entry {
  return { id, collection, data, body: "", digest: id, origin: { url: `mem:${id}` } };
}

describe("typed queries", () => {
  const store = new ContentStore();
  const ada = { collection: "authors", id: "ada" };
  const bob = { collection: "authors", id: "bob" };
  for (let i = 0; i < 50; i++) {
    store.set(
      entry("posts", `p${String(i).padStart(2, "0")}`, {
        date: new Date(Date.UTC(2024, 0, 1 + ((i * 7) % 50))),
        tags: i % 3 === 0 ? ["kiln", "jamstack"] : ["kiln"],
        author: i % 2 === 0 ? ada : bob,
        rank: i % 5,
      }),
    );
  }
  const query = (q: Parameters<typeof queryCollection>[1]) =>
    runWithStore(store, () => queryCollection("posts", q).map((e) => e.id));

  it("where matches equal fields, array items and references by id, all at once", () => {
    const all = store.list("posts");
    const expected = all
      .filter((e) => (e.data["tags"] as string[]).includes("jamstack") && e.data["author"] === ada)
      .map((e) => e.id);
    assert.ok(expected.length > 3);
    assert.deepEqual(query({ where: { tags: "jamstack", author: "ada" } }), expected);
    assert.deepEqual(query({ where: { rank: 4, author: "bob" } }).length, 5);
    assert.deepEqual(query({ where: { author: "nobody" } }), []);
  });

  it("sort, offset and limit; ties by id", () => {
    const byDate = store
      .list("posts")
      .sort(
        (a, b) =>
          (b.data["date"] as Date).getTime() - (a.data["date"] as Date).getTime() ||
          (a.id < b.id ? -1 : 1),
      )
      .map((e) => e.id);
    assert.deepEqual(query({ sort: "-date" }), byDate);
    assert.deepEqual(query({ sort: "-date", offset: 5, limit: 3 }), byDate.slice(5, 8));
    const byRank = query({ sort: "rank", where: { author: "ada" } });
    assert.equal(byRank.length, 25);
    assert.deepEqual(byRank.slice(0, 5), ["p00", "p10", "p20", "p30", "p40"]);
  });

  it("an index is kept until an entry changes, then rebuilt", () => {
    assert.equal(query({ where: { rank: 9 } }).length, 0);
    store.set(entry("posts", "p99", { rank: 9, tags: [], author: ada, date: new Date(0) }));
    assert.deepEqual(query({ where: { rank: 9 } }), ["p99"]);
    store.delete(store.get("posts", "p99")!);
    assert.equal(query({ where: { rank: 9 } }).length, 0);
  });
});

describe("references (examples/blog)", () => {
  let project: Project;
  before(async () => {
    project = await copyProject(path.join(REPO, "examples/blog"));
  });
  after(async () => project?.cleanup());

  it("a post shows its author, and the author's page lists exactly their posts", async () => {
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    const post = await project.html("posts/hello-kiln/index.html");
    const byline = post.querySelector('a[href="/authors/mara/"]');
    assert.equal(byline?.text, "Mara Lindqvist");
    const ike = await project.html("authors/ike/index.html");
    const listed = ike.querySelectorAll(".post-list h2 a").map((a) => a.getAttribute("href"));
    // zero-javascript and markdown-tour are Ike's; draft-ideas is too, but builds leave drafts out.
    assert.deepEqual(listed, ["/posts/zero-javascript/", "/posts/markdown-tour/"]);
  });

  it("every dangling reference is one located error naming both entries, in one build", async () => {
    for (const [post, author] of [
      ["hello-kiln", "marra"],
      ["zero-javascript", "nobody"],
    ] as const) {
      const file = path.join(project.root, `src/content/posts/${post}.md`);
      const source = await readFile(file, "utf8");
      await writeFile(file, source.replace(/^author: \w+$/m, `author: ${author}`));
    }
    const result = await project.build();
    assert.equal(result.code, 1);
    const output = result.stdout + result.stderr;
    assert.match(output, /KILN_REFERENCE_DANGLING/);
    assert.match(output, /src\/content\/posts\/hello-kiln\.md:7/);
    assert.match(output, /posts\/hello-kiln refers to authors\/marra/);
    assert.match(output, /src\/content\/posts\/zero-javascript\.md:\d+/);
    assert.match(output, /posts\/zero-javascript refers to authors\/nobody/);
    assert.doesNotMatch(output, /internal error|\n\s+at \S+ \(/);
  });
});
