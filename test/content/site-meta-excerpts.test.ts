import assert from "node:assert/strict";
import { symlink } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { validateConfig } from "../../src/config/index.js";
import { excerptOf } from "../../src/markdown/index.js";
import { copyProject, type Project } from "../helpers/build-fixture.js";

const SECOND_POST =
  'Wow! I love blogging so much already. Did you know that "despite its name, salted duck eggs can also be made from chicken eggs, though the…';

describe("the Gatsby starter's site metadata and excerpts", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("migrated-gatsby");
    await symlink("../../content/blog", path.join(project.root, "src/content/blog"));
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  it("gives every page the site's author, social links and meta (the Bio component)", async () => {
    const bio = (await project.html("index.html")).querySelector(".bio");
    assert.ok(bio);
    assert.match(bio.text, /^Written by Kyle Mathews who lives and works in San Francisco/);
    assert.equal(bio.querySelector("a")?.getAttribute("href"), "https://twitter.com/kylemathews");
    assert.match(bio.text, /\(since 2015\)$/);
  });

  it("lists an entry without description by its excerpt", async () => {
    const items = (await project.html("index.html")).querySelectorAll("#posts li p");
    assert.deepEqual(
      items.map((p) => p.text),
      ["Hello World", SECOND_POST],
    );
  });

  it("sums up such an entry in the feeds by the same excerpt", async () => {
    const rss = await project.read("rss.xml");
    assert.ok(
      rss.includes(`<description>${SECOND_POST.replaceAll('"', "&quot;")}</description>`),
      rss.slice(0, 800),
    );
    const json = JSON.parse(await project.read("feed.json")) as {
      items: { url: string; summary?: string }[];
    };
    const second = json.items.find((item) => item.url.endsWith("/blog/my-second-post/"));
    assert.equal(second?.summary, SECOND_POST);
    const first = json.items.find((item) => item.url.endsWith("/blog/hello-world/"));
    assert.equal(first?.summary, "Hello World");
  });
});

describe("excerptOf", () => {
  it("takes the prose, not headings, code or images, and cuts at a word", () => {
    assert.equal(
      excerptOf(
        '<h2>Title</h2><p>One <em>two</em>.</p><pre><code>x = 1</code></pre><p><img alt="a"> three</p>',
      ),
      "One two. three",
    );
    assert.equal(excerptOf(`<p>${"word ".repeat(40)}</p>`), `${"word ".repeat(28).trim()}…`);
  });

  it("stops at <!-- more -->", () => {
    assert.equal(excerptOf("<p>Before.</p>\n<!-- more -->\n<p>After.</p>"), "Before.");
  });
});

describe("site metadata in the config", () => {
  it("is typed: a social link must be a URL, an author needs a name", () => {
    assert.throws(
      () => validateConfig({ site: { social: { github: "not a url" } } }, undefined),
      /site\.social\.github/,
    );
    assert.throws(
      () => validateConfig({ site: { author: { summary: "x" } } }, undefined),
      /site\.author\.name/,
    );
    const site = validateConfig(
      { site: { author: { name: "A" }, meta: { since: 2015 } } },
      undefined,
    ).site;
    assert.deepEqual([site.author, site.social, site.meta], [{ name: "A" }, {}, { since: 2015 }]);
  });
});
