import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { h, type ComponentType } from "preact";
import { parse } from "node-html-parser";
import { KilnError } from "../../src/errors/index.js";
import { Head, renderPage } from "../../src/render/index.js";

const site = { title: "Site", lang: "fr", description: "Default description" };
const render = (
  component: ComponentType<Record<string, unknown>>,
  props: Record<string, unknown> = {},
) => renderPage({ url: "/x/", file: "/p/src/pages/x.tsx", page: "x.tsx", component, props, site });

describe("renderPage", () => {
  it("makes a complete document with the site's defaults", () => {
    const html = render(() => h("p", null, "hi"));
    assert.ok(html.startsWith('<!doctype html>\n<html lang="fr">'));
    const doc = parse(html);
    assert.equal(doc.querySelector("title")?.text, "Site");
    assert.equal(
      doc.querySelector('meta[name="description"]')?.getAttribute("content"),
      "Default description",
    );
    assert.equal(doc.querySelector("body p")?.text, "hi");
  });

  it("escapes text and attributes", () => {
    const evil = '</title><script>alert(1)</script>"';
    const html = render(() =>
      h(
        "div",
        null,
        h(Head, null, h("title", null, evil), h("meta", { name: "x", content: evil })),
        h("p", { title: evil }, evil),
      ),
    );
    assert.equal(parse(html).querySelectorAll("script").length, 0);
    assert.ok(
      html.includes("&lt;/title>&lt;script>") || html.includes("&lt;/title&gt;&lt;script&gt;"),
    );
  });

  it("lets a page override its layout's title and meta, keeping one of each", () => {
    const Layout = (props: { children?: unknown }) =>
      h(
        "div",
        null,
        h(
          Head,
          null,
          h("title", null, "Layout"),
          h("meta", { name: "description", content: "layout" }),
          h("link", { rel: "stylesheet", href: "/a.css" }),
        ),
        props.children as never,
      );
    const Page = () =>
      h(
        Layout,
        null,
        h(
          Head,
          null,
          h("title", null, "Page"),
          h("meta", { name: "description", content: "page" }),
        ),
        h("p", null, "x"),
      );
    const doc = parse(render(Page));
    assert.deepEqual(
      doc.querySelectorAll("title").map((t) => t.text),
      ["Page"],
    );
    assert.deepEqual(
      doc.querySelectorAll('meta[name="description"]').map((m) => m.getAttribute("content")),
      ["page"],
    );
    assert.equal(doc.querySelectorAll('link[rel="stylesheet"]').length, 1);
  });

  it("names the component that threw", () => {
    function Widget(): never {
      throw new Error("boom");
    }
    const Page = () => h("main", null, h("section", null, h(Widget, null)));
    try {
      render(Page);
      assert.fail("expected an error");
    } catch (error) {
      assert.ok(KilnError.is(error));
      assert.equal(error.code, "KILN_RENDER_FAILED");
      assert.match(
        error.message,
        /Rendering \/x\/ \(page x\.tsx\) failed in component <Widget>: boom/,
      );
    }
  });

  it("renders a component that throws nothing after one that did", () => {
    assert.throws(() =>
      render(() => {
        throw new Error("x");
      }),
    );
    assert.match(
      render(() => h("p", null, "fine")),
      /<p>fine<\/p>/,
    );
  });
});
