import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";
import { launchBrowser } from "../helpers/browser.js";
import { startNginx } from "../helpers/nginx.js";

/**
 * `cspMeta: true` for hosts that send no headers: examples/blog served by a plain nginx (no
 * header include) is held to each page's policy by its `<meta>` tag: nothing the page has is
 * blocked, the islands hydrate, and an inline script added afterwards does not run.
 */
describe("the Content-Security-Policy as a <meta> tag", { timeout: 180_000 }, () => {
  let project: Project;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let chromium: Awaited<ReturnType<typeof launchBrowser>>;
  let pages: string[];
  before(async () => {
    project = await copyProject(path.join(REPO, "examples/blog"));
    const config = path.join(project.root, "kiln.config.ts");
    const text = await readFile(config, "utf8");
    await writeFile(config, text.replace("defineConfig({", "defineConfig({\n  cspMeta: true,"));
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    pages = [...(await project.snapshot()).keys()]
      .filter((f) => f.endsWith(".html") && !f.startsWith("2026/"))
      .sort();
    nginx = await startNginx(project.outDir);
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
    await nginx?.close();
    await project?.cleanup();
  });

  it("puts the policy after the charset, without the directives a meta tag cannot carry", async () => {
    const html = await project.read("islands/index.html");
    assert.match(
      html,
      /<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'/,
    );
    assert.doesNotMatch(html, /frame-ancestors/);
  });

  it("blocks nothing a page has, hydrates the islands, and blocks a script added later", async () => {
    const violations: string[] = [];
    for (const file of pages) {
      const page = await chromium.context.newPage();
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text()))
          violations.push(`${file}: ${message.text()}`);
      });
      await page.goto(`${nginx.url}${file.replace(/(^|\/)index\.html$/, "$1")}`, {
        waitUntil: "networkidle",
      });
      if (file === "islands/index.html") {
        await page.locator(".counter button").first().click();
        await page.waitForFunction(
          () => document.querySelector(".counter output")?.textContent === "1",
          null,
          { timeout: 5000 },
        );
        await assert.rejects(
          page.addScriptTag({ content: "document.title = 'injected'" }),
          /Content Security Policy/,
        );
        assert.notEqual(await page.title(), "injected");
        violations.length = 0;
      }
      await page.close();
    }
    assert.deepEqual(violations, []);
  });
});
