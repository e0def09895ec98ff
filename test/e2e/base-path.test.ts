import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";
import { launchBrowser } from "../helpers/browser.js";
import { startNginx } from "../helpers/nginx.js";

/**
 * examples/blog built with `site.base: "/blog/"` and served by nginx under /blog/ (as a GitHub
 * Pages project site is), with its CSP headers: every page loads with no request failing and
 * no CSP violation, styles apply, the islands hydrate; the build's link check followed the
 * base; sitemap, feeds and redirects name URLs under it.
 */
describe("a site under a base path", { timeout: 180_000 }, () => {
  let project: Project;
  let host: string;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let chromium: Awaited<ReturnType<typeof launchBrowser>>;
  let pages: string[];
  before(async () => {
    project = await copyProject(path.join(REPO, "examples/blog"));
    const config = path.join(project.root, "kiln.config.ts");
    const text = await readFile(config, "utf8");
    await writeFile(config, text.replace("  site: {", '  site: {\n    base: "/blog/",'));
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    pages = [...(await project.snapshot()).keys()].filter((f) => f.endsWith(".html")).sort();
    host = await mkdtemp(path.join(tmpdir(), "kiln-base-"));
    await symlink(project.outDir, path.join(host, "blog"));
    nginx = await startNginx(host, `include ${path.join(project.outDir, "_headers.nginx.conf")};`);
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
    await nginx?.close();
    await project?.cleanup();
    if (host) await rm(host, { recursive: true, force: true });
  });

  it("writes every root-relative URL of every page under the base", async () => {
    for (const file of pages) {
      const html = await project.read(file);
      for (const [, url] of html.matchAll(/\s(?:href|src|data-component)="(\/[^"]*)"/g))
        assert.ok(url!.startsWith("/blog/"), `${file}: ${url}`);
    }
    assert.match(await project.read("sitemap.xml"), /<loc>https:\/\/example.org\/blog\/posts\//);
    assert.match(await project.read("rss.xml"), /<link>https:\/\/example.org\/blog\/posts\//);
    assert.equal(
      await project.read("_redirects"),
      "/blog/2026/09/hello/ /blog/posts/hello-kiln/ 301\n",
    );
  });

  it("loads every page under /blog/ with no failed request and no CSP violation; islands hydrate", async () => {
    const failures: string[] = [];
    // The redirect page has no icon link, so the browser asks /favicon.ico, outside the base.
    const redirect = "2026/09/hello/index.html";
    for (const file of pages.filter((f) => f !== "404.html" && f !== redirect)) {
      const page = await chromium.context.newPage();
      page.on("response", (response) => {
        if (response.status() >= 400)
          failures.push(`${file}: ${response.status()} ${response.url()}`);
      });
      page.on("console", (message) => {
        if (message.type() === "error") failures.push(`${file}: ${message.text()}`);
      });
      const url = `${nginx.url}blog/${file.replace(/(^|\/)index\.html$/, "$1")}`;
      const response = await page.goto(url, { waitUntil: "networkidle" });
      assert.equal(response?.status(), 200, url);
      if (file === "islands/index.html") {
        await page.locator(".counter button").first().click();
        await page.waitForFunction(
          () => document.querySelector(".counter output")?.textContent === "1",
          null,
          { timeout: 5000 },
        );
      }
      await page.close();
    }
    assert.deepEqual(failures, []);
    const search = await chromium.context.newPage();
    await search.goto(`${nginx.url}blog/search/`, { waitUntil: "networkidle" });
    await search.locator('input[type="search"]').fill("credentials");
    const hit = search.locator(".search-results li a", { hasText: "Content from APIs" }).first();
    await hit.waitFor({ timeout: 10_000 });
    assert.equal(await hit.getAttribute("href"), "/blog/posts/content-apis/");
    await search.close();
    const moved = await chromium.context.newPage();
    await moved.goto(`${nginx.url}blog/${redirect.replace("index.html", "")}`);
    await moved.waitForURL(`${nginx.url}blog/posts/hello-kiln/`);
    await moved.close();
  });
});
