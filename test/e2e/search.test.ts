import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";
import { launchBrowser } from "../helpers/browser.js";
import { startNginx } from "../helpers/nginx.js";

/**
 * The docs starter's search, as a reader meets it: built with `search: true`, served by nginx
 * with the headers Kiln wrote (strict CSP), queried in Chromium with the keyboard alone.
 */
describe("search in the docs starter", { timeout: 180_000 }, () => {
  let project: Project;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let chromium: Awaited<ReturnType<typeof launchBrowser>>;
  before(async () => {
    project = await copyProject(path.join(REPO, "examples/docs"));
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    nginx = await startNginx(
      project.outDir,
      `include ${path.join(project.outDir, "_headers.nginx.conf")};`,
    );
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
    await nginx?.close();
    await project?.cleanup();
  });

  async function open(url: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
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

  async function expectResult(page: Page, title: string, excerptWord: RegExp) {
    const result = page.locator(".search-results li", { hasText: title }).first();
    await result.waitFor({ timeout: 10_000 });
    assert.equal(await result.locator("a").textContent(), title);
    const excerpt = (await result.locator("p").textContent()) ?? "";
    assert.match(excerpt, excerptWord);
    assert.ok((await result.locator("p mark").count()) >= 1, "the matched word is marked");
  }

  it("finds a word of a page as it is typed, with the page's title and an excerpt", async () => {
    const { page, violations } = await open("/search/");
    await page.waitForSelector(".search[data-ready]", { timeout: 10_000 });
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // brand
    // Tab until the search box has focus, as a keyboard user would.
    for (let i = 0; i < 20; i++) {
      if (await page.evaluate(() => document.activeElement?.id === "search-input")) break;
      await page.keyboard.press("Tab");
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");
    await page.keyboard.type("repository");
    await expectResult(page, "Configuring the docs", /repository/i);
    // Down arrow moves from the box to the first result.
    await page.keyboard.press("ArrowDown");
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest(".search-results") !== null),
      true,
    );
    assert.match(await page.locator("#search-status").innerText(), /\d+ results?\./);
    assert.deepEqual(await violations(), []);
    await page.close();
  });

  it("takes a query from the header form of a page without JavaScript", async () => {
    const { page, violations } = await open("/getting-started/");
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
