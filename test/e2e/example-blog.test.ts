import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";
import { launchBrowser } from "../helpers/browser.js";
import { startNginx } from "../helpers/nginx.js";

describe("examples/blog served by nginx, read in Chromium", () => {
  let project: Project;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let chromium: Awaited<ReturnType<typeof launchBrowser>>;
  before(async () => {
    project = await copyProject(path.join(REPO, "examples/blog"));
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    nginx = await startNginx(project.outDir);
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
    await nginx?.close();
    await project?.cleanup();
  });

  it("serves pretty URLs and the 404 page from a plain web server", async () => {
    assert.equal((await fetch(`${nginx.url}posts/hello-kiln/`)).status, 200);
    const missing = await fetch(`${nginx.url}no/such/page/`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /Page not found/);
  });

  it("loads pages with no JavaScript, styled, and follows a link to a post", async () => {
    const page = await chromium.context.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(nginx.url);
    assert.equal(await page.title(), "Posts · Kiln Notes");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(background, "rgba(0, 0, 0, 0)", "the stylesheet did not apply");
    await page.click("text=Content from APIs");
    await page.waitForURL(`${nginx.url}posts/content-apis/`);
    assert.equal(await page.textContent("h1"), "Content from APIs");
    await page.goto(`${nginx.url}docs/what-is-jamstack/`);
    assert.equal(await page.textContent("blockquote strong"), "NOTE:");
    await page.screenshot({
      path: process.env.KILN_SCREENSHOT ?? path.join(project.root, "page.png"),
      fullPage: true,
    });
    assert.deepEqual(scripts, [], "a page requested JavaScript");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
