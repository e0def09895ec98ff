import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { KilnError } from "../../src/errors/index.js";
import { createRouteTable, parsePageFile, type PageDefinition } from "../../src/routes/index.js";

const page = (relative: string, paths?: unknown[]): PageDefinition => ({
  page: parsePageFile("/site/src/pages", `/site/src/pages/${relative}`),
  ...(paths ? { paths } : {}),
});

const codeOf = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    assert.ok(KilnError.is(error), String(error));
    return error.code;
  }
  assert.fail("expected an error");
};

describe("route table", () => {
  it("maps files to pretty URLs and output files, sorted", () => {
    const table = createRouteTable([
      page("posts/[slug].tsx", [
        { params: { slug: "b" } },
        { params: { slug: "a" }, props: { n: 1 } },
      ]),
      page("index.tsx"),
      page("about.md"),
      page("docs/index.md"),
      page("404.tsx"),
      page("docs/[...path].tsx", [{ params: { path: "guide/setup" } }]),
    ]);
    assert.deepEqual(
      table.routes.map((r) => [r.url, r.outputPath]),
      [
        ["/404.html", "404.html"],
        ["/about/", "about/index.html"],
        ["/docs/guide/setup/", "docs/guide/setup/index.html"],
        ["/docs/", "docs/index.html"],
        ["/", "index.html"],
        ["/posts/a/", "posts/a/index.html"],
        ["/posts/b/", "posts/b/index.html"],
      ],
    );
    assert.deepEqual(table.routes.find((r) => r.url === "/posts/a/")?.props, { n: 1 });
    assert.deepEqual(table.routes.find((r) => r.url === "/posts/a/")?.params, { slug: "a" });
  });

  it("accepts numbers and unicode as params", () => {
    const table = createRouteTable([
      page("p/[n].tsx", [{ params: { n: 7 } }, { params: { n: "café" } }]),
    ]);
    assert.deepEqual(
      table.routes.map((r) => r.url),
      ["/p/7/", "/p/café/"],
    );
  });

  for (const [value, why] of [
    ["..", "parent"],
    [".", "self"],
    ["a/b", "slash in a plain param"],
    ["a\\b", "backslash"],
    ["a%2fb", "percent"],
    ["a?b", "query"],
    ["a#b", "fragment"],
    ["a\u0000b", "NUL"],
    ["a\nb", "newline"],
    ["", "empty"],
    [" a", "leading space"],
    ["x".repeat(256), "a folder name past 255 bytes (found by the fuzz test: ENAMETOOLONG)"],
    ["é".repeat(128), "256 bytes of UTF-8"],
  ]) {
    it(`refuses the param ${JSON.stringify(value)} (${why})`, () => {
      assert.equal(
        codeOf(() => createRouteTable([page("p/[slug].tsx", [{ params: { slug: value } }])])),
        "KILN_ROUTE_PARAM_INVALID",
      );
    });
  }

  it("takes a segment of exactly 255 bytes", () => {
    const table = createRouteTable([page("p/[slug].tsx", [{ params: { slug: "x".repeat(255) } }])]);
    assert.equal(table.routes.length, 1);
  });

  it("refuses .. inside a rest param, and a missing param", () => {
    assert.equal(
      codeOf(() => createRouteTable([page("d/[...p].tsx", [{ params: { p: "a/../../b" } }])])),
      "KILN_ROUTE_PARAM_INVALID",
    );
    assert.equal(
      codeOf(() => createRouteTable([page("d/[slug].tsx", [{ params: {} }])])),
      "KILN_ROUTE_PARAM_INVALID",
    );
  });

  it("refuses a bad paths() item", () => {
    assert.equal(
      codeOf(() => createRouteTable([page("d/[slug].tsx", ["x"])])),
      "KILN_PAGE_PATHS_INVALID",
    );
    assert.equal(
      codeOf(() => createRouteTable([page("d/[slug].tsx", [{ params: { slug: "a" }, props: 3 }])])),
      "KILN_PAGE_PATHS_INVALID",
    );
    assert.equal(
      codeOf(() => createRouteTable([page("d/[slug].tsx")])),
      "KILN_PAGE_PATHS_MISSING",
    );
  });

  it("finds conflicts, also between case and Unicode forms", () => {
    assert.equal(
      codeOf(() => createRouteTable([page("about.md"), page("about/index.tsx")])),
      "KILN_ROUTE_CONFLICT",
    );
    assert.equal(
      codeOf(() => createRouteTable([page("About.md"), page("about.tsx")])),
      "KILN_ROUTE_CONFLICT",
    );
    assert.equal(
      codeOf(() =>
        createRouteTable([
          page("p/[s].tsx", [{ params: { s: "caf\u00e9" } }, { params: { s: "cafe\u0301" } }]),
        ]),
      ),
      "KILN_ROUTE_CONFLICT",
    );
    assert.equal(
      codeOf(() => createRouteTable([page("[a].tsx", [{ params: { a: "x" } }]), page("x.tsx")])),
      "KILN_ROUTE_CONFLICT",
    );
  });

  it("refuses file names that are not routes", () => {
    assert.equal(
      codeOf(() => parsePageFile("/p", "/p/a-[b].tsx")),
      "KILN_ROUTE_FILE_NAME",
    );
    assert.equal(
      codeOf(() => parsePageFile("/p", "/p/[x]/[x].tsx")),
      "KILN_ROUTE_FILE_NAME",
    );
    assert.equal(
      codeOf(() => parsePageFile("/p", "/p/[...a]/b.tsx")),
      "KILN_ROUTE_FILE_NAME",
    );
  });
});
