import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";

const validator = new HtmlValidate({
  extends: ["html-validate:standard"],
  rules: { "void-style": "off", "no-trailing-whitespace": "off", "no-inline-style": "off" },
});

/** The docs starter (`kiln init --template docs` copies it): what a docs site needs, valid. */
describe("examples/docs", () => {
  let project: Project;
  before(async () => {
    project = await copyProject(path.join(REPO, "examples/docs"));
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  it("makes every page valid HTML5, with a script only on the search page", async () => {
    const pages = (await project.files()).filter((f) => f.endsWith(".html"));
    assert.ok(pages.length >= 6, pages.join(", "));
    for (const file of pages) {
      const source = await project.read(file);
      const report = await validator.validateString(source, file);
      assert.ok(
        report.valid,
        `${file}: ${JSON.stringify(report.results[0]?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))}`,
      );
      const scripts = (await project.html(file)).querySelectorAll("script").length;
      if (file === "search/index.html") assert.ok(scripts >= 1, "the search island has no script");
      else assert.equal(scripts, 0, `${file} has a script`);
    }
  });

  it("groups the sidebar from front matter, in the order src/docs.ts gives", async () => {
    const page = await project.html("writing-pages/index.html");
    const groups = page.querySelectorAll(".sidebar-group").map((group) => ({
      name: group.querySelector(".sidebar-group-name")?.text,
      pages: group.querySelectorAll("a").map((a) => a.text),
    }));
    assert.deepEqual(groups, [
      { name: "Start here", pages: ["Getting started"] },
      { name: "Guides", pages: ["Writing pages", "Configuring the docs", "Searching the docs"] },
    ]);
    assert.equal(page.querySelector('.sidebar a[aria-current="page"]')?.text, "Writing pages");
  });

  it("links each doc to the previous and next in sidebar order", async () => {
    const page = await project.html("writing-pages/index.html");
    assert.equal(page.querySelector('a[rel="prev"]')?.getAttribute("href"), "/getting-started/");
    assert.equal(page.querySelector('a[rel="next"]')?.getAttribute("href"), "/configuring/");
    const first = await project.html("getting-started/index.html");
    assert.equal(first.querySelector('a[rel="prev"]'), null);
  });

  it("gives a table of contents, an edit link and the banner", async () => {
    const page = await project.html("configuring/index.html");
    const toc = page.querySelectorAll(".toc a").map((a) => a.getAttribute("href"));
    assert.deepEqual(toc, ["#title-and-banner", "#edit-links", "#sidebar-groups"]);
    for (const href of toc) assert.ok(page.querySelector(href), `${href} has no target`);
    assert.equal(
      page.querySelector(".edit-link a")?.getAttribute("href"),
      "https://github.com/your-name/your-project/edit/main/src/content/docs/configuring.md",
    );
    assert.match(page.querySelector(".banner")?.text ?? "", /version 1\.0/);
  });

  it("writes the search index, and indexes only each page's main content", async () => {
    const files = await project.files();
    for (const expected of ["pagefind/pagefind.js", "pagefind/pagefind-entry.json"])
      assert.ok(files.includes(expected), `${expected} missing`);
    assert.ok(!files.some((f) => f.startsWith("pagefind/pagefind-ui")), "unused UI shipped");
    const entry = JSON.parse(await project.read("pagefind/pagefind-entry.json")) as {
      languages: Record<string, { page_count: number }>;
    };
    // Every doc and the home page; not the search page (no data-pagefind-body).
    assert.equal(entry.languages["en"]?.page_count, 5);
  });
});
