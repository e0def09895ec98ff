import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";

const validator = new HtmlValidate({
  extends: ["html-validate:standard"],
  rules: { "void-style": "off", "no-trailing-whitespace": "off", "no-inline-style": "off" },
});

describe("examples/blog", () => {
  let project: Project;
  before(async () => {
    project = await copyProject(path.join(REPO, "examples/blog"));
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Built 27 pages, 98 files/);
  });
  after(() => project.cleanup());

  it("writes the pages a blog needs, and no draft", async () => {
    const files = await project.files();
    for (const expected of [
      "index.html",
      "404.html",
      "about/index.html",
      "docs/what-is-jamstack/index.html",
      "docs/glossary/index.html",
      "docs/deploying-and-hosting/index.html",
      "_headers",
      "posts/hello-kiln/index.html",
      "tags/kiln/index.html",
      "tags/index.html",
      "2/index.html",
      "2026/09/hello/index.html",
      "_redirects",
      "humans.txt",
      "styles.css",
      "favicon.svg",
      "sitemap.xml",
      "rss.xml",
      "atom.xml",
      "feed.json",
    ]) {
      assert.ok(files.includes(expected), `${expected} missing from ${files.join(", ")}`);
    }
    assert.ok(!files.some((f) => f.includes("draft-ideas")), "the draft post was published");
  });

  it("lists posts newest first, three to a page: page 1 at /, page 2 at /2/", async () => {
    const home = await project.html("index.html");
    const titles = home.querySelectorAll(".post-list h2 a").map((a) => a.text);
    assert.deepEqual(titles, [
      "Zero JavaScript by default",
      "Content from APIs",
      "A tour of markdown in Kiln",
    ]);
    assert.equal(home.querySelector('.pager a[rel="next"]')?.getAttribute("href"), "/2/");
    const second = await project.html("2/index.html");
    assert.deepEqual(
      second.querySelectorAll(".post-list h2 a").map((a) => a.text),
      ["Hello, Kiln"],
    );
    assert.equal(second.querySelector('.pager a[rel="prev"]')?.getAttribute("href"), "/");
    assert.equal(second.querySelector('.pager a[rel="next"]'), null);
  });

  it("lists every tag with its count, most used first, each linking to its page", async () => {
    const tags = await project.html("tags/index.html");
    assert.deepEqual(
      tags.querySelectorAll(".tag-index li").map((li) => li.text.replace(/\s+/g, " ")),
      [
        "#kiln (3 posts)",
        "#jamstack (2 posts)",
        "#apis (1 post)",
        "#markdown (1 post)",
        "#performance (1 post)",
      ],
    );
  });

  it("redirects a post's alias to it, in _redirects and with a page", async () => {
    assert.equal(await project.read("_redirects"), "/2026/09/hello/ /posts/hello-kiln/ 301\n");
    assert.match(
      await project.read("2026/09/hello/index.html"),
      /<meta http-equiv="refresh" content="0; url=\/posts\/hello-kiln\/">/,
    );
  });

  it("makes every page a valid HTML5 document, with a script only where there are islands", async () => {
    const withIslands = new Set(["islands/index.html", "search/index.html"]);
    for (const file of (await project.files()).filter((f) => f.endsWith(".html"))) {
      const source = await project.read(file);
      assert.ok(source.startsWith("<!doctype html>"), `${file} has no doctype`);
      const page = await project.html(file);
      assert.equal(page.querySelector("html")?.getAttribute("lang"), "en", file);
      assert.ok(page.querySelector('meta[charset="utf-8"]'), `${file} has no charset`);
      assert.ok(page.querySelector('meta[name="viewport"]'), `${file} has no viewport`);
      assert.ok(page.querySelector("title")?.text.trim(), `${file} has no title`);
      const scripts = page.querySelectorAll("script");
      if (withIslands.has(file)) {
        assert.ok(scripts.length >= 1, `${file} has no islands runtime`);
        for (const script of scripts) assert.equal(script.getAttribute("type"), "module", file);
      } else {
        assert.equal(scripts.length, 0, `${file} has a script`);
      }
      const report = await validator.validateString(source, file);
      assert.ok(
        report.valid,
        `${file}: ${JSON.stringify(report.results[0]?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))}`,
      );
    }
  });

  it("renders the seed page: title, headings, links, the NOTE blockquote, its odd characters", async () => {
    const page = await project.html("docs/what-is-jamstack/index.html");
    assert.equal(page.querySelector("title")?.text, "What Is The JAMStack? · Kiln Notes");
    assert.equal(page.querySelector("h1")?.text, "What Is The JAMStack?");
    assert.deepEqual(
      page.querySelectorAll("h2").map((h) => [h.id, h.text]),
      [
        ["overview-of-the-jamstack-architecture", "Overview Of The JamStack Architecture?"],
        ["advantages-of-a-jamstack-architecture", "Advantages of a JAMStack architecture"],
        ["learn-more-about-jamstack-architecture", "Learn more about JAMStack architecture"],
      ],
    );
    const note = page.querySelector("blockquote");
    assert.ok(note?.querySelector("strong")?.text.startsWith("NOTE:"));
    assert.equal(
      note?.querySelector("a")?.getAttribute("href"),
      "https://www.owasp.org/index.php/Types_of_Cross-Site_Scripting",
    );
    const ssi = page.querySelectorAll("a").find((a) => a.text === "server-side includes injection");
    assert.equal(
      ssi?.getAttribute("href"),
      "https://www.owasp.org/index.php/Server-Side_Includes_(SSI)_Injection",
    );
    assert.match(page.text, /same code base â€” sometimes called/);
    assert.match(page.querySelector("code")?.text ?? "", /\{\{ title \}\}/);
    assert.equal(page.querySelector("nav.toc"), null, "disableTableOfContents was ignored");
  });

  it("renders GFM tables and strikethrough, autolinks, and unique heading ids", async () => {
    const tour = await project.html("posts/markdown-tour/index.html");
    assert.deepEqual(
      tour.querySelectorAll("table th").map((th) => th.text),
      ["Generator", "Language", "Ships JS by default"],
    );
    assert.deepEqual(
      tour.querySelectorAll("h2").map((h) => h.id),
      ["tables", "code", "links-and-headings", "links-and-headings-1", "images"],
    );
    assert.equal(tour.querySelector('a[href="https://example.org"]')?.text, "https://example.org");
    const hello = await project.html("posts/hello-kiln/index.html");
    assert.equal(hello.querySelector("s")?.text, "careless");
  });

  it("encodes a markdown image once, as the gallery's <Image> of the same file", async () => {
    const picture = (await project.html("posts/markdown-tour/index.html")).querySelector("picture");
    const img = picture?.querySelector("img");
    assert.equal(img?.getAttribute("alt"), "Blue and teal shapes, like a glaze test tile");
    assert.equal(img?.getAttribute("width"), "800");
    assert.equal(img?.getAttribute("loading"), "lazy");
    const srcsets = (page: typeof picture | undefined) =>
      page?.querySelectorAll("source").map((s) => s.getAttribute("srcset"));
    const gallery = (await project.html("gallery/index.html")).querySelectorAll("picture")[1];
    assert.deepEqual(srcsets(picture), srcsets(gallery));
    assert.match(srcsets(picture)![0]!, /^\/_kiln\/img\/glaze-test-480w-[0-9a-f]{8}\.avif 480w, /);
  });

  it("gives the same bytes wherever the project folder is", async () => {
    const elsewhere = await copyProject(path.join(REPO, "examples/blog"));
    try {
      assert.equal((await elsewhere.build()).code, 0);
      assert.deepEqual(await elsewhere.snapshot(), await project.snapshot());
    } finally {
      await elsewhere.cleanup();
    }
  });
});
