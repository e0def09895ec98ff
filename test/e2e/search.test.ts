import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";
import { launchBrowser } from "../helpers/browser.js";
import { startNginx } from "../helpers/nginx.js";

interface Served {
  project: Project;
  nginx: Awaited<ReturnType<typeof startNginx>>;
  chromium: Awaited<ReturnType<typeof launchBrowser>>;
}

/** Builds an example and serves it with nginx and the headers Kiln wrote (strict CSP). */
function serveExample(name: string): Served {
  const served = {} as Served;
  before(async () => {
    served.project = await copyProject(path.join(REPO, "examples", name));
    const result = await served.project.build();
    assert.equal(result.code, 0, result.stderr);
    const out = served.project.outDir;
    served.nginx = await startNginx(out, `include ${path.join(out, "_headers.nginx.conf")};`);
    served.chromium = await launchBrowser();
  });
  after(async () => {
    await served.chromium?.close();
    await served.nginx?.close();
    await served.project?.cleanup();
  });
  return served;
}

/** Opens a page, counting Content-Security-Policy violations from its first script on. */
async function open(
  { chromium, nginx }: Served,
  url: string,
): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await chromium.context.newPage();
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const list = ((window as unknown as { __violations?: string[] }).__violations ??= []);
      list.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  const response = await page.goto(`${nginx.url}${url.slice(1)}`, { waitUntil: "networkidle" });
  assert.match(response?.headers()["content-security-policy"] ?? "", /script-src 'self'/);
  return {
    page,
    violations: () =>
      page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []),
  };
}

/** Tabs from the top of the page to the search box, as a keyboard user would. */
async function tabToSearchBox(page: Page): Promise<void> {
  await page.waitForSelector(".search[data-ready]", { timeout: 10_000 });
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate(() => document.activeElement?.id === "search-input")) return;
    await page.keyboard.press("Tab");
  }
  assert.fail("Tab never reached the search box");
}

async function expectResult(page: Page, title: string, excerptWord: RegExp) {
  const result = page.locator(".search-results li", { hasText: title }).first();
  await result.waitFor({ timeout: 10_000 });
  assert.equal(await result.locator("a").textContent(), title);
  const excerpt = (await result.locator("p").textContent()) ?? "";
  assert.match(excerpt, excerptWord);
  assert.ok((await result.locator("p mark").count()) >= 1, "the matched word is marked");
}

/**
 * The starters' search as a reader meets it: built with `search: true`, served by nginx with
 * the headers Kiln wrote (strict CSP), queried in Chromium with the keyboard alone.
 */
describe("search in the docs starter", { timeout: 180_000 }, () => {
  const served = serveExample("docs");

  it("finds a word of a page as it is typed, with the page's title and an excerpt", async () => {
    const { page, violations } = await open(served, "/search/");
    await tabToSearchBox(page);
    await page.keyboard.type("repository");
    await expectResult(page, "Configuring the docs", /repository/i);
    assert.match(await page.locator("#search-status").innerText(), /\d+ results?\./);
    // Down arrow moves from the box to the first result; Enter follows it.
    await page.keyboard.press("ArrowDown");
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest(".search-results") !== null),
      true,
    );
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/configuring\/$/);
    assert.deepEqual(await violations(), []);
    await page.close();
  });

  it("takes a query from the header form of a page without JavaScript", async () => {
    const { page, violations } = await open(served, "/getting-started/");
    assert.equal(await page.locator("script").count(), 0, "a doc page loads no script");
    await page.locator("#header-search-input").focus();
    await page.keyboard.type("front matter");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=front\+matter$/);
    await expectResult(page, "Writing pages", /front matter/i);
    assert.deepEqual(await violations(), []);
    await page.close();
  });
});

describe("search in the blog example", { timeout: 180_000 }, () => {
  const served = serveExample("blog");

  it("finds a word of a post, with the post's title and an excerpt", async () => {
    const { page, violations } = await open(served, "/search/");
    await tabToSearchBox(page);
    await page.keyboard.type("credentials");
    await expectResult(page, "Content from APIs", /credentials/i);
    assert.deepEqual(await violations(), []);
    await page.close();
  });
});
