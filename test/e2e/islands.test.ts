import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import type { BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/serve/index.js";
import { launchBrowser } from "../helpers/browser.js";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";

interface Site {
  project: Project;
  server: RunningServer;
}

async function buildAndServe(source: string): Promise<Site> {
  const project = await copyProject(source);
  const result = await project.build();
  assert.equal(result.code, 0, result.stderr);
  return { project, server: await startServer({ root: project.outDir, port: 0 }) };
}

/** Opens a page and records every script it fetches. */
async function open(browser: BrowserContext, url: string, width = 1024) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 700 });
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script" || request.url().endsWith(".js"))
      scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  return { page, scripts };
}

const textOf = (page: Page, selector: string) =>
  page.locator(selector).first().textContent({ timeout: 5000 });

describe("islands, scripts and images in Chromium", { timeout: 120_000 }, () => {
  let blog: Site;
  let fixture: Site;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  before(async () => {
    [blog, fixture, browser] = await Promise.all([
      buildAndServe(path.join(REPO, "examples/blog")),
      buildAndServe("islands"),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await browser?.close();
    for (const site of [blog, fixture]) {
      await site?.server.close();
      await site?.project.cleanup();
    }
  });

  it("hydrates the example's counter: a click increments it", async () => {
    const { page } = await open(browser.context, `${blog.server.url}islands/`);
    const counter = page.locator(".counter").first();
    assert.equal(await counter.locator("output").textContent(), "0");
    assert.equal(
      await counter.evaluate((element) => getComputedStyle(element).display),
      "flex",
      "the island's CSS module did not apply",
    );
    await counter.locator("button").click();
    await counter.locator("button").click();
    await page.waitForFunction(
      () => document.querySelector(".counter output")?.textContent === "2",
      null,
      { timeout: 5000 },
    );
    await page.close();
  });

  it("runs a page's client script", async () => {
    const { page } = await open(browser.context, `${blog.server.url}islands/`);
    await page.waitForSelector("time[data-localized]", { timeout: 5000 });
    assert.notEqual(await textOf(page, "time[data-local]"), "2024-05-01 12:00 UTC");
    await page.close();
  });

  it("loads no JavaScript at all on a plain post page", async () => {
    const { page, scripts } = await open(browser.context, `${blog.server.url}posts/hello-kiln/`);
    assert.equal(await page.locator("h1").count(), 1, "the page did not load");
    assert.deepEqual(scripts, []);
    assert.equal(await page.locator("script").count(), 0);
    await page.close();
  });

  it("hydrates a media-query island only once the query matches", async () => {
    const { page } = await open(browser.context, `${blog.server.url}islands/`, 400);
    const wide = page.locator(".counter").nth(2);
    await wide.locator("button").click();
    assert.equal(await wide.locator("output").textContent(), "20", "hydrated on a narrow screen");
    await page.setViewportSize({ width: 1200, height: 700 });
    await page.waitForFunction(
      () => {
        const counter = document.querySelectorAll(".counter")[2]!;
        counter.querySelector("button")!.click();
        return Number(counter.querySelector("output")!.textContent) > 20;
      },
      null,
      { timeout: 5000, polling: 100 },
    );
    await page.close();
  });

  it("fetches a visible-strategy island's code only when it scrolls into view", async () => {
    const { page, scripts } = await open(browser.context, `${fixture.server.url}lazy/`);
    assert.ok(
      scripts.some((s) => /\/_kiln\/islands-/.test(s)),
      "runtime not loaded",
    );
    assert.ok(!scripts.some((s) => s.includes("island-Clicker")), "loaded before it was visible");
    await page.locator(".clicker").scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => {
        document.querySelector<HTMLButtonElement>(".clicker")!.click();
        return Number(document.querySelector(".clicker")!.textContent.split(" ").at(-1)) > 1;
      },
      null,
      { timeout: 5000, polling: 100 },
    );
    assert.ok(scripts.some((s) => s.includes("island-Clicker")));
    await page.close();
  });

  for (const [width, expected] of [
    [400, 480],
    [1200, 800],
  ] as const) {
    it(`serves the gallery's first image as AVIF, ${expected}px wide, to a ${width}px screen`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 700 });
      const types = new Map<string, string>();
      page.on("response", (response) => {
        types.set(new URL(response.url()).pathname, response.headers()["content-type"] ?? "");
      });
      await page.goto(`${blog.server.url}gallery/`, { waitUntil: "networkidle" });
      const first = page.locator("picture img").first();
      await page.waitForFunction(
        () => {
          const img = document.querySelector<HTMLImageElement>("picture img");
          return img !== null && img.complete && img.naturalWidth > 0;
        },
        null,
        { timeout: 5000 },
      );
      const { currentSrc, naturalWidth, boxWidth } = await first.evaluate(
        (img: HTMLImageElement) => ({
          currentSrc: new URL(img.currentSrc).pathname,
          naturalWidth: img.naturalWidth,
          boxWidth: img.getBoundingClientRect().width,
        }),
      );
      assert.match(
        currentSrc,
        new RegExp(`^/_kiln/img/kiln-at-dusk-${expected}w-[0-9a-f]{8}\\.avif$`),
      );
      assert.equal(types.get(currentSrc), "image/avif");
      const file = await sharp(
        await readFile(path.join(blog.project.outDir, currentSrc)),
      ).metadata();
      assert.equal(file.width, expected);
      // With srcset, naturalWidth is the file's width over its density: the width `sizes` gave.
      assert.equal(naturalWidth, Math.round(boxWidth));
      assert.ok(boxWidth <= expected, `shown at ${boxWidth}px from a ${expected}px file`);
      await page.close();
    });
  }

  it("gives an island its children as static HTML it shows, hides and reorders", async () => {
    const html = await fixture.project.read("listing/index.html");
    const props = /data-props="([^"]*)"/.exec(html)?.[1] ?? "";
    assert.doesNotMatch(props, /Written in Go|Eleventy/, "the cards are not sent as props");
    const { page } = await open(browser.context, `${fixture.server.url}listing/`);
    const ids = () =>
      page.$$eval(".cards > kiln-slot > .card", (cards) =>
        cards.map((c) => c.getAttribute("data-id")),
      );
    assert.deepEqual(await ids(), ["hugo", "eleventy", "gatsby"]);
    // The island in a card hydrates on its own; the filter keeps its DOM while it rearranges.
    await page.waitForFunction(() => {
      const button = document.querySelector<HTMLButtonElement>(".card .clicker");
      button?.click();
      return Number(button?.textContent?.split(" ").at(-1)) > 5;
    });
    await page.click(".show-js");
    await page.waitForFunction(() => document.querySelectorAll(".cards .card").length === 2);
    assert.deepEqual(await ids(), ["eleventy", "gatsby"]);
    assert.equal(
      await textOf(page, '.card[data-id="gatsby"] .about'),
      "React and a GraphQL data layer.",
    );
    await page.click(".reverse");
    await page.waitForFunction(
      () => document.querySelector(".cards .card")?.getAttribute("data-id") === "gatsby",
    );
    assert.deepEqual(await ids(), ["gatsby", "eleventy"]);
    await page.click(".show-all");
    await page.waitForFunction(() => document.querySelectorAll(".cards .card").length === 3);
    assert.deepEqual(await ids(), ["gatsby", "eleventy", "hugo"]);
    const clicks = await textOf(page, '.card[data-id="hugo"] .clicker');
    assert.ok(Number(clicks?.split(" ").at(-1)) > 5, `the nested island kept its state: ${clicks}`);
    await page.close();
  });

  it("hydrates an idle-strategy island once the browser is idle", async () => {
    const { page, scripts } = await open(browser.context, fixture.server.url);
    await page.waitForFunction(
      () => {
        document.querySelector<HTMLButtonElement>(".clicker")!.click();
        return Number(document.querySelector(".clicker")!.textContent.split(" ").at(-1)) > 5;
      },
      null,
      { timeout: 5000, polling: 100 },
    );
    assert.ok(scripts.some((s) => s.includes("island-Clicker")));
    await page.close();
  });

  it("gives hostile prop strings to the island whole, and runs none of them", async () => {
    const { page } = await open(browser.context, fixture.server.url);
    await page.waitForSelector('.echo[data-state="hydrated"]', { timeout: 5000 });
    const shown = await page.locator(".echo pre:not(.nested)").allTextContents();
    const { HOSTILE } = await import("../fixtures/islands/src/hostile.js");
    assert.deepEqual(shown, HOSTILE);
    assert.deepEqual(JSON.parse((await textOf(page, ".echo pre.nested"))!), {
      "</script>": "<!--",
      key: HOSTILE[0],
    });
    assert.equal(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined);
    await page.close();
  });
});
