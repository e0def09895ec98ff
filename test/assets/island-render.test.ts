import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { h, type ComponentChildren, type ComponentType } from "preact";
import { parse } from "node-html-parser";
import { Island, markIsland, renderPage, type IslandManifest } from "../../src/render/index.js";

const manifest: IslandManifest = {
  runtime: { url: "/_kiln/islands-R.js", imports: ["/_kiln/chunk-P.js"] },
  islands: new Map([
    [
      "Echo",
      { url: "/_kiln/island-Echo-E.js", imports: ["/_kiln/chunk-P.js", "/_kiln/chunk-H.js"] },
    ],
    ["Lazy", { url: "/_kiln/island-Lazy-L.js", imports: ["/_kiln/chunk-P.js"] }],
    ["Box", { url: "/_kiln/island-Box-B.js", imports: ["/_kiln/chunk-P.js"] }],
  ]),
  scripts: new Map([
    ["src/scripts/theme.ts", { url: "/_kiln/script-theme-T.js", imports: ["/_kiln/chunk-P.js"] }],
  ]),
  images: new Map(),
};

const Echo = markIsland((props: { text: string }) => h("p", { class: "echo" }, props.text), "Echo");
const Lazy = markIsland(() => h("p", null, "lazy"), "Lazy");
const Box = markIsland(
  (props: { children?: ComponentChildren }) => h("div", { class: "box" }, props.children),
  "Box",
);
const site = { title: "Test", lang: "en" };

function render(draw: () => unknown, islands = manifest) {
  const component = draw as ComponentType<Record<string, unknown>>;
  return renderPage({
    url: "/",
    file: "/x.tsx",
    page: "x.tsx",
    component,
    props: {},
    site,
    islands,
  });
}

describe("islands in rendered pages", () => {
  it("keeps a hostile prop inside its attribute and gives it back whole", () => {
    const text = '</script><script>alert(1)</script><!-- "><img onerror=x> </kiln-island>';
    const html = render(() => h(Echo, { text }));
    assert.equal(html.match(/<script/g)?.length, 1, "only the runtime's script tag");
    const island = parse(html).querySelector("kiln-island")!;
    assert.deepEqual(JSON.parse(island.getAttribute("data-props")!), { text });
    assert.equal(island.querySelector("p.echo")?.text, text);
    assert.equal(island.getAttribute("data-hydrate"), "load");
    assert.equal(island.getAttribute("data-component"), "/_kiln/island-Echo-E.js");
  });

  it("preloads the runtime's chunks and eager islands, not lazy ones", () => {
    const html = render(() =>
      h("main", null, h(Echo, { text: "a" }), h(Island, { hydrate: "visible" }, h(Lazy, null))),
    );
    const page = parse(html);
    assert.deepEqual(
      page.querySelectorAll('link[rel="modulepreload"]').map((l) => l.getAttribute("href")),
      ["/_kiln/chunk-P.js", "/_kiln/island-Echo-E.js", "/_kiln/chunk-H.js"],
    );
    assert.equal(page.querySelector("script")?.getAttribute("src"), "/_kiln/islands-R.js");
    assert.equal(page.querySelector("script")?.getAttribute("type"), "module");
    const lazy = page.querySelectorAll("kiln-island")[1]!;
    assert.equal(lazy.getAttribute("data-hydrate"), "visible");
  });

  it("writes a media query strategy to its own attribute", () => {
    const html = render(() =>
      h(Island, { hydrate: { media: '(min-width: 40em) and "x"' } }, h(Lazy, null)),
    );
    const island = parse(html).querySelector("kiln-island")!;
    assert.equal(island.getAttribute("data-hydrate"), "media");
    assert.equal(island.getAttribute("data-media"), '(min-width: 40em) and "x"');
  });

  it("renders an island inside another island as plain markup", () => {
    const Outer = markIsland(() => h("div", null, h(Echo, { text: "inner" })), "Lazy");
    const page = parse(render(() => h(Outer, null)));
    assert.equal(page.querySelectorAll("kiln-island").length, 1);
    assert.equal(page.querySelector("kiln-island p.echo")?.text, "inner");
  });

  it("puts no script and no preload on a page without islands", () => {
    const html = render(() => h("main", null, "plain"));
    assert.doesNotMatch(html, /<script|modulepreload|kiln-island/);
  });

  it("renders children given to an island as static HTML in keyed slots, not as props", () => {
    const page = parse(
      render(() => h(Box, null, h("b", { key: "x" }, "child"), h("i", null, "two"))),
    );
    const island = page.querySelector("kiln-island")!;
    assert.equal(island.getAttribute("data-slots"), '["x","1"]');
    assert.doesNotMatch(island.getAttribute("data-props")!, /child/);
    const slots = island.querySelectorAll("kiln-slot");
    assert.deepEqual(
      slots.map((slot) => [slot.getAttribute("data-key"), slot.innerHTML]),
      [
        ["x", "<b>child</b>"],
        ["1", "<i>two</i>"],
      ],
    );
    assert.throws(
      () => render(() => h(Box, null, h("b", { key: "k" }), h("i", { key: "k" }))),
      /KILN_ISLAND_PROPS|two children with key "k"/,
    );
  });
});
