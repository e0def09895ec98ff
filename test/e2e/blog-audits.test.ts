import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";
import { axeViolations, lighthouseReports } from "../helpers/audit.js";
import { launchBrowser } from "../helpers/browser.js";
import { startNginx } from "../helpers/nginx.js";

/**
 * examples/blog served by nginx with the headers Kiln wrote (`_headers.nginx.conf`), as a
 * production host would: every page loads under its strict Content-Security-Policy with no
 * violation, the islands still hydrate, axe-core finds nothing on any page in light or dark
 * mode, and Lighthouse scores the home page and a post 100 in all four categories.
 */
describe(
  "examples/blog in Chromium, served by nginx with its headers",
  { timeout: 300_000 },
  () => {
    let project: Project;
    let nginx: Awaited<ReturnType<typeof startNginx>>;
    let chromium: Awaited<ReturnType<typeof launchBrowser>>;
    let pages: string[];
    before(async () => {
      project = await copyProject(path.join(REPO, "examples/blog"));
      const result = await project.build();
      assert.equal(result.code, 0, result.stderr);
      const output = await project.snapshot();
      pages = [...output.keys()].filter((file) => file.endsWith(".html")).sort();
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

    it("sends a hash-based policy without 'unsafe-inline' with every page", async () => {
      assert.ok(pages.length >= 10, pages.join(", "));
      for (const file of pages) {
        const url = `${nginx.url}${file.replace(/(^|\/)index\.html$/, "$1")}`;
        const response = await fetch(url);
        const policy = response.headers.get("content-security-policy") ?? "";
        assert.match(policy, /script-src 'self'/, url);
        assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, url);
        assert.equal(response.headers.get("x-content-type-options"), "nosniff", url);
      }
    });

    it("opens every page with zero CSP violations and zero axe-core violations, and the islands hydrate", async () => {
      const violations: string[] = [];
      const inaccessible: string[] = [];
      for (const file of pages) {
        const page = await chromium.context.newPage();
        await page.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            (window as unknown as { __violations: string[] }).__violations ??= [];
            (window as unknown as { __violations: string[] }).__violations.push(
              `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
            );
          });
        });
        const url = `${nginx.url}${file.replace(/(^|\/)index\.html$/, "$1")}`;
        await page.goto(url, { waitUntil: "networkidle" });
        if (file === "islands/index.html") {
          const counter = page.locator(".counter").first();
          await counter.locator("button").click();
          await page.waitForFunction(
            () => document.querySelector(".counter output")?.textContent === "1",
            null,
            { timeout: 5000 },
          );
        }
        const found = await page.evaluate(
          () => (window as unknown as { __violations?: string[] }).__violations ?? [],
        );
        violations.push(...found.map((v) => `${file}: ${v}`));
        for (const colorScheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme });
          inaccessible.push(
            ...(await axeViolations(page)).map((v) => `${file} ${colorScheme}: ${v}`),
          );
        }
        await page.close();
      }
      assert.deepEqual(violations, []);
      assert.deepEqual(inaccessible, []);
    });

    it("passes Lighthouse's audits that do not depend on time on the home page and a post", async () => {
      const urls = ["", "posts/markdown-tour/"].map((file) => `${nginx.url}${file}`);
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
