import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { h } from "preact";
import { parse } from "node-html-parser";
import { renderPage, Seo, type SeoProps } from "../../src/render/index.js";

const site = { url: "https://example.org", title: "Example", lang: "en", description: "A site" };

function render(seo: SeoProps, pageSite: typeof site | Omit<typeof site, "url"> = site) {
  const html = renderPage({
    url: "/posts/hello/",
    file: "/site/src/pages/posts/[slug].tsx",
    page: "posts/[slug].tsx",
    component: (props: Record<string, unknown>) =>
      h("main", null, h(Seo, seo), h("p", { id: "url" }, String(props.absoluteUrl))),
    props: {},
    site: pageSite,
  });
  return { html, document: parse(html) };
}

const attr = (document: ReturnType<typeof parse>, selector: string, name = "content") =>
  document.querySelector(selector)?.getAttribute(name);

describe("<Seo>", () => {
  it("writes title, description, canonical, Open Graph and Twitter tags from the page and site", () => {
    const { document } = render({ title: "Hello", image: "/img/card.png", type: "article" });
    assert.equal(document.querySelector("title")?.text, "Hello");
    assert.equal(attr(document, 'meta[name="description"]'), "A site");
    assert.equal(
      attr(document, 'link[rel="canonical"]', "href"),
      "https://example.org/posts/hello/",
    );
    assert.equal(attr(document, 'meta[property="og:url"]'), "https://example.org/posts/hello/");
    assert.equal(attr(document, 'meta[property="og:type"]'), "article");
    assert.equal(attr(document, 'meta[property="og:image"]'), "https://example.org/img/card.png");
    assert.equal(attr(document, 'meta[name="twitter:card"]'), "summary_large_image");
    assert.equal(attr(document, 'meta[property="og:site_name"]'), "Example");
    assert.equal(document.querySelectorAll('meta[name="description"]').length, 1);
  });

  it("gives pages their absolute URL, and none without site.url", () => {
    assert.equal(
      render({}).document.querySelector("#url")?.text,
      "https://example.org/posts/hello/",
    );
    const { document } = render({}, { title: "Example", lang: "en", description: "A site" });
    assert.equal(document.querySelector("#url")?.text, "undefined");
    assert.equal(document.querySelector('link[rel="canonical"]'), null);
  });

  it("keeps JSON-LD inside its script, whatever the data holds", () => {
    const hostile = "</script><script>alert(1)</script><!--";
    const { html, document } = render({ jsonLd: { "@type": "Article", headline: hostile } });
    const scripts = document.querySelectorAll("script");
    assert.equal(scripts.length, 1, html);
    assert.equal(scripts[0]!.getAttribute("type"), "application/ld+json");
    assert.deepEqual(JSON.parse(scripts[0]!.innerHTML), { "@type": "Article", headline: hostile });
  });

  it("marks a page noindex when asked", () => {
    assert.equal(attr(render({ noindex: true }).document, 'meta[name="robots"]'), "noindex");
  });
});
