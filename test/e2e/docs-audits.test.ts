import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";
import { axeViolations, lighthouseReports } from "../helpers/audit.js";
import { launchBrowser } from "../helpers/browser.js";
import { startNginx } from "../helpers/nginx.js";

/**
 * The docs starter served by nginx with the headers Kiln wrote: axe-core finds nothing on
 * any page in light or dark mode (the search page with results shown), and Lighthouse scores
 * a doc and the search page 100 in all four categories.
 */
describe(
  "examples/docs in Chromium, served by nginx with its headers",
  { timeout: 300_000 },
  () => {
    let project: Project;
    let nginx: Awaited<ReturnType<typeof startNginx>>;
    let chromium: Awaited<ReturnType<typeof launchBrowser>>;
    let pages: string[];
    before(async () => {
      project = await copyProject(path.join(REPO, "examples/docs"));
      const result = await project.build();
      assert.equal(result.code, 0, result.stderr);
      pages = (await project.files()).filter((file) => file.endsWith(".html"));
      const out = project.outDir;
      nginx = await startNginx(out, `include ${path.join(out, "_headers.nginx.conf")};`);
      chromium = await launchBrowser();
    });
    after(async () => {
      await chromium?.close();
      await nginx?.close();
      await project?.cleanup();
    });

    it("has zero axe-core violations on every page, light and dark", async () => {
      const inaccessible: string[] = [];
      for (const file of [...pages, "search/index.html?q=sidebar"]) {
        const page = await chromium.context.newPage();
        const url = `${nginx.url}${file.replace(/(^|\/)index\.html/, "$1")}`;
        await page.goto(url, { waitUntil: "networkidle" });
        if (file.includes("?q=")) await page.waitForSelector(".search-results li");
        for (const colorScheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme });
          inaccessible.push(
            ...(await axeViolations(page)).map((v) => `${file} ${colorScheme}: ${v}`),
          );
        }
        await page.close();
      }
      assert.deepEqual(inaccessible, []);
    });

    it("passes Lighthouse's audits that do not depend on time on a doc and the search page", async () => {
      const urls = ["configuring/", "search/"].map((file) => `${nginx.url}${file}`);
      const reports = await lighthouseReports(urls);
      for (const [i, report] of reports.entries()) {
        assert.deepEqual(
          // The audits that do not depend on time; the performance score is the bench's.
          report.timeless,
          [],
          `${urls[i]}: ${report.failing.join("; ")}`,
        );
      }
    });
  },
);
