import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse as parseYaml } from "yaml";
import { startServer, type RunningServer } from "../../src/serve/index.js";
import { copyProject, REPO, type Project } from "../helpers/build-fixture.js";

interface ListPage {
  collection: string;
  total: number;
  page: number;
  pages: number;
  next: string | null;
  schema: string;
  items: { id: string; url: string | null; href: string; data: Record<string, unknown> }[];
}

/** What a native app does: start at the API's index, follow `next`, then fetch each entry. */
async function readCollection(origin: string, name: string) {
  const index = (await (await fetch(new URL("/api/index.json", origin))).json()) as {
    collections: Record<string, string>;
  };
  const first = index.collections[name];
  assert.ok(first, `the API names ${name}`);
  const listed: ListPage["items"] = [];
  let next: string | null = first;
  let pages = 0;
  let schemaHref = "";
  while (next && pages++ < 50) {
    const response: Response = await fetch(new URL(next, origin));
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /application\/json/);
    const page = (await response.json()) as ListPage;
    listed.push(...page.items);
    schemaHref = page.schema;
    next = page.next;
  }
  const entries = await Promise.all(
    listed.map(async (item) => (await (await fetch(new URL(item.href, origin))).json()) as object),
  );
  const schema = (await (await fetch(new URL(schemaHref, origin))).json()) as {
    properties: { data: { properties: Record<string, { type?: string; format?: string }> } };
  };
  return { listed, entries, schema, pages };
}

describe("content API (examples/blog)", () => {
  let project: Project;
  let server: RunningServer;
  before(async () => {
    project = await copyProject(path.join(REPO, "examples/blog"));
    // Two posts a list file, so the client has pages to follow.
    const config = path.join(project.root, "kiln.config.ts");
    const source = await readFile(config, "utf8");
    assert.match(source, /contentApi: \{\n/);
    await writeFile(config, source.replace("contentApi: {\n", "contentApi: {\n    pageSize: 2,\n"));
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    server = await startServer({ root: project.outDir, port: 0 });
  });
  after(async () => {
    await server?.close();
    await project?.cleanup();
  });

  it("a client reads every published post, page by page, with only the published fields", async () => {
    const folder = path.join(project.root, "src/content/posts");
    const published: Record<string, { title: string }> = {};
    for (const file of await readdir(folder)) {
      const source = await readFile(path.join(folder, file), "utf8");
      const data = parseYaml(source.split("---")[1] ?? "") as { title: string; draft?: boolean };
      if (!data.draft) published[file.replace(/\.md$/, "")] = data;
    }
    const { listed, entries, schema, pages } = await readCollection(server.url, "posts");
    assert.deepEqual(listed.map((item) => item.id).sort(), Object.keys(published).sort());
    assert.equal(pages, Math.ceil(listed.length / 2), "pageSize 2: one list file per two posts");
    for (const item of listed) {
      assert.equal(item.data["title"], published[item.id]?.title);
      assert.deepEqual(Object.keys(item.data).sort(), [
        "author",
        "date",
        "description",
        "tags",
        "title",
      ]);
      assert.equal(item.url, `https://example.org/posts/${item.id}/`);
    }
    for (const entry of entries as { id: string; html: string; data: object }[]) {
      assert.match(entry.html, /<(p|h2)[ >]/, `${entry.id} carries its body as HTML`);
      assert.ok(!("draft" in entry.data) && !("aliases" in entry.data), "private fields stay out");
    }
    const fields = schema.properties.data.properties;
    assert.deepEqual(Object.keys(fields).sort(), [
      "author",
      "date",
      "description",
      "tags",
      "title",
    ]);
    assert.equal(fields["date"]?.format, "date-time");
    assert.equal(fields["title"]?.type, "string");
  });

  it("drafts have no file, and the sitemap names no API file", async () => {
    const files = await project.files();
    assert.ok(files.includes("api/posts/hello-kiln.json"));
    assert.ok(!files.some((file) => file.startsWith("api/posts/draft-ideas")));
    assert.equal((await fetch(new URL("/api/posts/draft-ideas.json", server.url))).status, 404);
    assert.doesNotMatch(await project.read("sitemap.xml"), /\/api\//);
  });
});
