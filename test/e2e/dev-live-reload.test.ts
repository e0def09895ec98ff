import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.js";
import { copyProject, type Project } from "../helpers/build-fixture.js";
import { startDev, type DevProcess } from "../dev/dev-process.js";

const WAIT = { timeout: 20_000 };

describe("kiln dev in Chromium", () => {
  let project: Project;
  let dev: DevProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let postFile: string;
  let original: string;

  before(async () => {
    project = await copyProject("dev-site");
    postFile = path.join(project.root, "src/content/posts/first.md");
    original = await readFile(postFile, "utf8");
    dev = await startDev(project.root);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${dev.url}posts/first/`);
    // The live-reload stream is open once the client has loaded.
    await page.waitForLoadState("networkidle");
  });

  after(async () => {
    await browser?.close();
    await dev?.stop();
    await project?.cleanup();
  });

  it("shows an edit to the page's markdown without a manual reload", async () => {
    assert.equal(await page.textContent("h1"), "First post");
    await writeFile(postFile, original.replace("says hello", "says hello again, edited"));
    await page.waitForFunction(
      () => document.querySelector(".body")?.textContent?.includes("hello again, edited"),
      undefined,
      WAIT,
    );
  });

  it("shows a broken front matter's error with file and line, then clears it when fixed", async () => {
    await writeFile(postFile, original.replace("title: First post", 'title: "First post'));
    const error = await page.waitForSelector("#kiln-error", WAIT);
    const text = (await error.textContent()) ?? "";
    assert.match(text, /KILN_DATA_SYNTAX/);
    assert.match(text, /src\/content\/posts\/first\.md:\d+/);
    assert.match(text, /title: "First post/, "the code frame shows the broken line");
    await dev.waitForStderr(/error KILN_DATA_SYNTAX[\s\S]*first\.md:\d+/);

    await writeFile(postFile, original.replace("says hello", "is whole again"));
    await page.waitForFunction(
      () =>
        !document.querySelector("#kiln-error") &&
        document.querySelector(".body")?.textContent?.includes("is whole again"),
      undefined,
      WAIT,
    );
    assert.equal(await page.textContent("h1"), "First post");
    await dev.waitForStderr(/fixed .*first\.md/);
  });

  it("applies a stylesheet edit in place, without reloading the page", async () => {
    await page.evaluate(() => {
      (window as unknown as { kilnMarker: number }).kilnMarker = 42;
    });
    const color = () => page.evaluate(() => getComputedStyle(document.body).color);
    assert.equal(await color(), "rgb(0, 0, 0)");
    await writeFile(
      path.join(project.root, "public/styles.css"),
      "body { color: rgb(200, 0, 0); }\n",
    );
    await page.waitForFunction(
      () => getComputedStyle(document.body).color === "rgb(200, 0, 0)",
      undefined,
      WAIT,
    );
    const marker = await page.evaluate(
      () => (window as unknown as { kilnMarker?: number }).kilnMarker,
    );
    assert.equal(marker, 42, "the page was reloaded");
  });

  it("reloads for a layout change, and the server survives a component that throws", async () => {
    const layout = path.join(project.root, "src/pages/posts/[slug].tsx");
    const source = await readFile(layout, "utf8");
    await writeFile(
      layout,
      source.replace("<h1>{post.data.title}</h1>", "<h1>{(post.data as any).nope.x}</h1>"),
    );
    const error = await page.waitForSelector("#kiln-error", WAIT);
    assert.match((await error.textContent()) ?? "", /KILN_RENDER_FAILED/);
    await writeFile(
      layout,
      source.replace("<h1>{post.data.title}</h1>", "<h1>Title: {post.data.title}</h1>"),
    );
    await page.waitForFunction(
      () => document.querySelector("h1")?.textContent === "Title: First post",
      undefined,
      WAIT,
    );
    assert.equal(dev.child.exitCode, null);
  });
});
