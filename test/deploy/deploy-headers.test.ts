import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { deploy } from "../../src/deploy/index.js";
import { copyProject, type Project } from "../helpers/build-fixture.js";
import { S3_ENV, configureBucket, startS3Server, type S3Server } from "../helpers/s3-server.js";

describe("deploy: HTTP headers, compression, redirects and the invalidation hook", () => {
  let s3: S3Server;
  let project: Project;
  const run = (redirects: { from: string; to: string }[] = []) =>
    deploy({ root: project.root, env: S3_ENV, log: () => {}, redirects });
  before(async () => {
    s3 = await startS3Server(["headers"]);
    project = await copyProject("deployable");
    const hook = `node -e "process.stdin.pipe(require('fs').createWriteStream('hook.json'))"`;
    await configureBucket(project.root, s3.endpoint, {
      deploy: "headers",
      extra: [
        `compress: "gzip",`,
        `cacheControl: [{ pattern: "^robots\\\\.txt$", value: "public, max-age=60" }],`,
        `invalidateCommand: ${JSON.stringify(hook)},`,
      ].join(" "),
    });
    const built = await project.build();
    assert.equal(built.code, 0, built.stderr);
  });
  after(async () => {
    await project?.cleanup();
    await s3?.close();
  });

  it("stores text gzipped with Content-Encoding, and Cache-Control by rule", async () => {
    await run();
    const page = await s3.fetchWebsite("headers", "/notes/");
    assert.equal(page.headers.get("content-encoding"), "gzip");
    assert.equal(page.headers.get("content-type"), "text/html; charset=utf-8");
    const bytes = Buffer.from(await page.arrayBuffer());
    assert.equal(gunzipSync(bytes).toString(), await project.read("notes/index.html"));
    const robots = await s3.fetchWebsite("headers", "/robots.txt");
    assert.equal(robots.headers.get("cache-control"), "public, max-age=60");
    const css = await s3.fetchWebsite("headers", "/site.css");
    assert.equal(css.headers.get("cache-control"), "public, max-age=0, must-revalidate");
  });

  it("stores redirects as website-redirect objects the endpoint answers with a 301", async () => {
    const result = await run([{ from: "/old-notes/", to: "/notes/" }]);
    assert.deepEqual(result.uploaded, ["old-notes/index.html"]);
    const moved = await s3.fetchWebsite("headers", "/old-notes/");
    assert.equal(moved.status, 301);
    assert.match(moved.headers.get("location") ?? "", /\/notes\/$/);
    assert.equal((await run([{ from: "/old-notes/", to: "/notes/" }])).uploaded.length, 0);
    const removed = await run();
    assert.deepEqual(removed.deleted, ["old-notes/index.html"]);
  });

  it("takes redirects from the config's redirects", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    const before = await readFile(config, "utf8");
    await writeFile(
      config,
      before.replace(
        "defineConfig({",
        'defineConfig({\n  redirects: [{ from: "/old-about", to: "/about/" }],',
      ),
    );
    try {
      const result = await deploy({ root: project.root, env: S3_ENV, log: () => {} });
      assert.deepEqual(result.uploaded, ["old-about/index.html"]);
      const moved = await s3.fetchWebsite("headers", "/old-about/");
      assert.equal(moved.status, 301);
      assert.match(moved.headers.get("location") ?? "", /\/about\/$/);
    } finally {
      await writeFile(config, before);
      assert.deepEqual((await run()).deleted, ["old-about/index.html"]);
    }
  });

  it("stores the build's redirects (a page's aliases) as 301s in place of their meta-refresh pages", async () => {
    const about = path.join(project.root, "src/pages/about.md");
    const before = await readFile(about, "utf8");
    await writeFile(about, before.replace(/^---\n/, '---\naliases: ["/about-us/"]\n'));
    try {
      assert.equal((await project.build()).code, 0);
      assert.match(await project.read("about-us/index.html"), /http-equiv="refresh"/);
      const result = await deploy({ root: project.root, env: S3_ENV, log: () => {} });
      assert.ok(result.uploaded.includes("about-us/index.html"), result.uploaded.join(", "));
      const moved = await s3.fetchWebsite("headers", "/about-us/");
      assert.equal(moved.status, 301);
      assert.match(moved.headers.get("location") ?? "", /\/about\/$/);
    } finally {
      await writeFile(about, before);
      assert.equal((await project.build()).code, 0);
      const restored = await deploy({ root: project.root, env: S3_ENV, log: () => {} });
      assert.ok(restored.deleted.includes("about-us/index.html"), restored.deleted.join(", "));
    }
  });

  it("gives the changed URLs to the invalidation command and writes them as JSON", async () => {
    const about = path.join(project.root, "src/pages/about.md");
    await writeFile(about, (await readFile(about, "utf8")) + "\nMore.\n");
    assert.equal((await project.build()).code, 0);
    const result = await run();
    assert.deepEqual(result.uploaded, ["about/index.html"]);
    assert.deepEqual(result.urls, ["/about/", "/about/index.html"]);
    const written = JSON.parse(await readFile(result.invalidationFile!, "utf8")) as unknown;
    const received = JSON.parse(
      await readFile(path.join(project.root, "hook.json"), "utf8"),
    ) as unknown;
    assert.deepEqual(received, written);
    assert.deepEqual(written, {
      bucket: "headers",
      prefix: "",
      urls: ["/about/", "/about/index.html"],
    });
  });
});
