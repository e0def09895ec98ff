import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRouteTable, paginate, parsePageFile, taxonomy } from "../../src/routes/index.js";

describe("paginate", () => {
  const items = ["a", "b", "c", "d", "e"];

  it("puts page 1 at the bare URL and links each page to its neighbours", () => {
    const pages = paginate(items, { pageSize: 2, base: "/blog" });
    assert.deepEqual(
      pages.map((p) => p.params),
      [{ page: "" }, { page: "2" }, { page: "3" }],
    );
    const [first, second, last] = pages.map((p) => p.props!["page"]) as {
      items: string[];
      url: Record<string, string | undefined>;
      count: number;
      total: number;
    }[];
    assert.deepEqual(first!.items, ["a", "b"]);
    assert.deepEqual(last!.items, ["e"]);
    assert.deepEqual(second!.url, {
      current: "/blog/2/",
      first: "/blog/",
      last: "/blog/3/",
      prev: "/blog/",
      next: "/blog/3/",
    });
    assert.equal(first!.url["prev"], undefined);
    assert.equal(last!.url["next"], undefined);
    assert.equal(first!.count, 3);
    assert.equal(first!.total, 5);
  });

  it("makes routes a [...page] file writes at /blog/, /blog/2/ and /blog/3/", () => {
    const page = parsePageFile("/p/src/pages", "/p/src/pages/blog/[...page].tsx");
    const table = createRouteTable([
      { page, paths: paginate(items, { pageSize: 2, base: "/blog/" }) },
    ]);
    assert.deepEqual(
      table.routes.map((r) => r.url),
      ["/blog/2/", "/blog/3/", "/blog/"],
    );
  });

  it("still makes page 1 of an empty list, and keeps other params and props", () => {
    const pages = paginate([], {
      pageSize: 10,
      base: "/tags/x/",
      params: { tag: "x" },
      props: { tag: "X" },
    });
    assert.equal(pages.length, 1);
    assert.deepEqual(pages[0]!.params, { tag: "x", page: "" });
    assert.equal(pages[0]!.props!["tag"], "X");
  });

  it("refuses a page size that is not a whole number of at least 1, and a relative base", () => {
    for (const pageSize of [0, -1, 1.5, Number.NaN])
      assert.throws(() => paginate(items, { pageSize, base: "/" }), {
        code: "KILN_PAGINATE_INVALID",
      });
    assert.throws(() => paginate(items, { pageSize: 1, base: "blog/" }), {
      code: "KILN_PAGINATE_INVALID",
    });
  });
});

describe("taxonomy", () => {
  it("groups items by term, most used first, merging spellings with one slug", () => {
    const posts = [
      { id: 1, tags: ["Static Sites", "kiln"] },
      { id: 2, tags: ["kiln", "KILN"] },
      { id: 3, tags: ["static-sites", "apis"] },
      { id: 4, tags: undefined },
    ];
    const terms = taxonomy(posts, (p) => p.tags);
    assert.deepEqual(
      terms.map((t) => [t.name, t.slug, t.count, t.items.map((p) => p.id)]),
      [
        ["Static Sites", "static-sites", 2, [1, 3]],
        ["kiln", "kiln", 2, [1, 2]],
        ["apis", "apis", 1, [3]],
      ],
    );
  });

  it("takes a single term per item too (a category)", () => {
    const terms = taxonomy([{ c: "News" }, { c: "News" }, { c: "Café" }], (p) => p.c);
    assert.deepEqual(
      terms.map((t) => `${t.slug}:${t.count}`),
      ["news:2", "café:1"],
    );
  });
});
