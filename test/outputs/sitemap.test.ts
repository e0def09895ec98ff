import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sitemapFiles } from "../../src/outputs/index.js";
import type { PluginRoute } from "../../src/plugins/index.js";

const route = (url: string, date?: string): PluginRoute => ({
  url,
  outputPath: `${url.slice(1)}index.html`,
  pageFile: "x.tsx",
  isNotFound: false,
  isPage: true,
  props: date ? { entry: { collection: "posts", data: { date } } } : {},
  data: {},
});

describe("sitemapFiles", () => {
  it("splits past the limit into children and an index with each child's newest lastmod", () => {
    const routes = [
      route("/a/", "2026-01-01"),
      route("/b/", "2026-02-01"),
      route("/c/"),
      route("/d&e/", "2025-05-05"),
      route("/f/"),
    ];
    const files = sitemapFiles("https://example.org", routes, 2);
    assert.deepEqual(
      [...files.keys()],
      ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"],
    );
    const index = files.get("sitemap.xml")!;
    assert.match(index, /<sitemapindex /);
    assert.match(
      index,
      /<sitemap><loc>https:\/\/example.org\/sitemap-1.xml<\/loc><lastmod>2026-02-01T00:00:00.000Z<\/lastmod><\/sitemap>/,
    );
    assert.match(index, /<sitemap><loc>https:\/\/example.org\/sitemap-3.xml<\/loc><\/sitemap>/);
    assert.match(files.get("sitemap-2.xml")!, /<loc>https:\/\/example.org\/d&amp;e\/<\/loc>/);
  });

  it("keeps one file up to the limit", () => {
    const files = sitemapFiles("https://example.org", [route("/a/")], 2);
    assert.deepEqual([...files.keys()], ["sitemap.xml"]);
    assert.match(files.get("sitemap.xml")!, /<urlset /);
  });
});
