import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { ChecksReport } from "../../src/checks/index.js";
import { REPO, copyProject, runKiln, type Project } from "../helpers/build-fixture.js";
import { launchBrowser } from "../helpers/browser.js";
import { startNginx } from "../helpers/nginx.js";
import { startWordpress, type WordpressSite } from "./wordpress.js";

/** examples/wordpress built from a live WordPress (Debian's packages) on 127.0.0.1. */
describe("examples/wordpress from a real WordPress", { timeout: 240_000 }, () => {
  let wordpress: WordpressSite | undefined;
  let project: Project;
  const build = (...args: string[]) =>
    runKiln(["build", project.root, ...args], { env: { WORDPRESS_URL: wordpress!.url } });

  let first = "";
  before(async () => {
    wordpress = await startWordpress();
    project = await copyProject(path.join(REPO, "examples/wordpress"));
    const result = await build();
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /wordpress: 6\/6 requests, 0 from cache/);
    first = result.stderr;
  });

  it("warns once about the editors' post whose headings skip, with its edit URL, and reports it", async () => {
    const warnings = first.split("\n").filter((line) => line.includes("[heading-order]"));
    assert.equal(warnings.length, 1, first);
    assert.match(
      warnings[0]!,
      /^warning: content from a source: posts entry "graces-guide" \(edit: http:\/\/127\.0\.0\.1:\d+\/wp-admin\/post\.php\?post=\d+&action=edit\): the heading "A lamp" skips from h2 to h4 \[heading-order\] \(\/posts\/graces-guide\/\)$/,
    );
    const report = JSON.parse(
      await readFile(path.join(project.root, ".kiln/reports/checks.json"), "utf8"),
    ) as ChecksReport;
    const entry = report.owners.find((owner) => owner.source?.id === "graces-guide");
    assert.match(entry?.source?.editUrl ?? "", /wp-admin\/post\.php\?post=\d+&action=edit$/);
    assert.equal(entry?.problems[0]?.rule, "heading-order");
  });

  it("fails on the editors' post with checks.remote and heading-order at error", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    const original = await readFile(config, "utf8");
    try {
      await writeFile(
        config,
        original.replace(
          'checks: { links: "warn" },',
          'checks: { links: "warn", a11y: { rules: { "heading-order": "error" } }, remote: "error" },',
        ),
      );
      const result = await build();
      assert.equal(result.code, 1);
      assert.match(
        result.stderr,
        /KILN_A11Y: 1 accessibility problem[\s\S]*posts entry "graces-guide"/,
      );
    } finally {
      await writeFile(config, original);
    }
  });
  after(async () => {
    await wordpress?.stop();
    await project?.cleanup();
  });

  it("publishes exactly the public posts and pages", async () => {
    const files = await project.files();
    assert.deepEqual(
      files.filter((f) => f.startsWith("posts/")),
      [
        "posts/graces-guide/index.html",
        "posts/hello-from-wordpress/index.html",
        "posts/payload-post/index.html",
      ],
    );
    assert.ok(files.includes("about/index.html"), "the published page is missing");
    for (const file of files) {
      const text = await project.read(file);
      assert.doesNotMatch(
        text,
        /DRAFT-BODY|PRIVATE-BODY|PROTECTED-BODY|Draft post|Private post|Protected post/,
        file,
      );
    }
    const home = await project.html("index.html");
    assert.deepEqual(
      home.querySelectorAll(".post-list h2 a").map((a) => a.text),
      ["Payload post", "Grace’s guide & notes", "Hello from WordPress"],
    );
  });

  it("resolves authors, categories, tags and the featured image", async () => {
    const hello = await project.html("posts/hello-from-wordpress/index.html");
    assert.equal(hello.querySelector("a.author")!.text, "Ada Lovelace");
    assert.equal(hello.querySelector("a.author")!.getAttribute("href"), "/authors/ada/");
    assert.deepEqual(
      hello.querySelectorAll("a.category").map((a) => a.text),
      ["News"],
    );
    assert.deepEqual(
      hello.querySelectorAll(".tag").map((t) => t.text),
      ["#cms", "#kiln"],
    );
    const image = hello.querySelector("img.featured")!;
    assert.equal(
      image.getAttribute("src"),
      `${wordpress!.url}/wp-content/uploads/${image.getAttribute("src")!.split("/uploads/")[1]}`,
    );
    assert.match(image.getAttribute("src")!, /\/kiln-cover\.png$/);
    assert.equal(image.getAttribute("alt"), "An orange rectangle");
    assert.equal(image.getAttribute("width"), "320");
    assert.equal(hello.querySelector(".content strong")!.text, "bold");

    const grace = await project.html("posts/graces-guide/index.html");
    assert.equal(grace.querySelector("h1")!.text, "Grace’s guide & notes");
    assert.equal(grace.querySelector("a.author")!.text, "Grace Hopper");
    assert.deepEqual(
      grace
        .querySelectorAll("a.category")
        .map((a) => a.text)
        .sort(),
      ["Guides", "News"],
    );

    const news = await project.html("categories/news/index.html");
    assert.equal(news.querySelectorAll(".post-list a").length, 3);
    const author = await project.html("authors/grace/index.html");
    assert.deepEqual(
      author.querySelectorAll(".post-list a").map((a) => a.text),
      ["Grace’s guide & notes"],
    );
  });

  it("writes the payload post without any of its payloads", async () => {
    const source = await project.read("posts/payload-post/index.html");
    const page = await project.html("posts/payload-post/index.html");
    assert.equal(page.querySelector("#user-content-payload-text")!.text, "Text that must survive.");
    assert.equal(page.querySelectorAll("script, iframe, svg, object, embed").length, 0, source);
    for (const element of page.querySelectorAll("*")) {
      for (const [name, value] of Object.entries(element.attributes)) {
        assert.doesNotMatch(name, /^on/i, source);
        assert.notEqual(name.toLowerCase(), "style", source);
        assert.doesNotMatch(value, /javascript:/i, source);
      }
    }
    assert.doesNotMatch(source, /__kilnPwned/);
  });

  it("runs no script in Chromium on the payload post", async () => {
    const nginx = await startNginx(project.outDir);
    const chromium = await launchBrowser();
    try {
      const page = await chromium.context.newPage();
      const events: string[] = [];
      page.on("dialog", (dialog) => {
        events.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on("pageerror", (error) => events.push(`error: ${error.message}`));
      page.on("request", (request) => {
        if (request.resourceType() === "script") events.push(`script: ${request.url()}`);
      });
      await page.goto(`${nginx.url}posts/payload-post/`);
      assert.equal(await page.textContent("h1"), "Payload post");
      assert.equal(await page.textContent("#user-content-payload-text"), "Text that must survive.");
      await page.click("#user-content-payload-link");
      await page.click("text=styled");
      assert.equal(
        await page.evaluate(() => (window as { __kilnPwned?: string }).__kilnPwned),
        undefined,
      );
      assert.equal(await page.evaluate(() => document.scripts.length), 0);
      assert.deepEqual(events, []);
      await page.close();
    } finally {
      await chromium.close();
      await nginx.close();
    }
  });

  it("builds the same site from the cache, and offline once WordPress is gone", async () => {
    const online = await project.snapshot();
    const warm = await build();
    assert.equal(warm.code, 0, warm.stderr);
    assert.match(warm.stderr, /wordpress: 6\/6 requests/);
    assert.deepEqual(await project.snapshot(), online);

    const url = wordpress!.url;
    await wordpress!.stop();
    wordpress = undefined;
    const env = { WORDPRESS_URL: url };
    const down = await runKiln(["build", project.root], { env });
    assert.equal(down.code, 1);
    assert.match(
      down.stderr,
      /KILN_SOURCE_FETCH: Source "wordpress" could not fetch http:\/\/127\.0\.0\.1:\d+\/wp-json\/wp\/v2\//,
    );
    assert.deepEqual(await project.snapshot(), online, "a failed build changed the output");

    const offline = await runKiln(["build", project.root, "--offline"], { env });
    assert.equal(offline.code, 0, offline.stderr);
    assert.match(offline.stderr, /wordpress: 6\/6 requests, 6 from cache/);
    assert.deepEqual(await project.snapshot(), online);
  });
});
