import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";
import { startDev } from "../dev/dev-process.js";

describe("pages that write files, not HTML (src/pages/feed.xml.ts)", () => {
  let project: Project;
  let output: Map<string, Buffer>;
  before(async () => {
    project = await copyProject("endpoints");
    const result = await project.build("--workers", "0");
    assert.equal(result.code, 0, result.stderr);
    output = await project.snapshot();
  });
  after(() => project.cleanup());

  it("writes exactly what the default export returns, under the file's own name", () => {
    assert.equal(
      output.get("feed.xml")?.toString(),
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Files &lt;&amp; pages></title>' +
        "<item><title>First &amp; foremost</title></item><item><title>Second</title></item>" +
        "</channel></rss>",
    );
    assert.deepEqual(JSON.parse(output.get("data/first.json")!.toString()), {
      id: "first",
      title: "First & foremost",
    });
    assert.deepEqual([...output.get("bytes.bin")!], [0, 1, 2, 255]);
    assert.equal(output.has("feed.xml/index.html"), false);
  });

  it("leaves them out of the sitemap, and writes the same bytes on workers", async () => {
    await writeFile(
      path.join(project.root, "kiln.config.ts"),
      'import { defineConfig } from "kiln-ssg";\n\nexport default defineConfig({ site: { title: "Files <& pages>", url: "https://example.org" } });\n',
    );
    const result = await project.build("--workers", "2");
    assert.equal(result.code, 0, result.stderr);
    const pooled = await project.snapshot();
    for (const file of ["feed.xml", "data/first.json", "data/second.json", "bytes.bin"])
      assert.ok(pooled.get(file)!.equals(output.get(file)!), file);
    const sitemap = pooled.get("sitemap.xml")!.toString();
    assert.match(sitemap, /<loc>https:\/\/example\.org\/<\/loc>/);
    assert.doesNotMatch(sitemap, /feed\.xml|\.json|bytes\.bin/);
  });

  it("serves the same files in kiln dev", async () => {
    const dev = await startDev(project.root);
    try {
      for (const file of ["feed.xml", "data/first.json", "bytes.bin"]) {
        const response = await fetch(new URL(file, dev.url));
        assert.equal(response.status, 200, file);
        assert.ok(Buffer.from(await response.arrayBuffer()).equals(output.get(file)!), file);
      }
      const feed = await fetch(new URL("feed.xml", dev.url));
      assert.match(feed.headers.get("content-type") ?? "", /xml/);
    } finally {
      await dev.stop();
    }
  });

  it("refuses a default export that returns no string or bytes, naming the file", async () => {
    await writeFile(
      path.join(project.root, "src/pages/bad.txt.ts"),
      "export default function bad() {\n  return { not: 'a file' };\n}\n",
    );
    const result = await project.build();
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_ENDPOINT_INVALID/);
    assert.match(result.stderr, /src\/pages\/bad\.txt\.ts/);
    assert.match(result.stderr, /returned object, not a string or bytes/);
  });
});
