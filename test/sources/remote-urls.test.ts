import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { readFeed } from "../../src/sources/feed-items.js";
import { sanitizeHtml } from "../../src/sources/index.js";
import { toWordpressEntries } from "../../src/sources/wordpress-entries.js";

const UNSAFE = [
  "javascript:alert(1)",
  " jAva\tscript:alert(1)",
  "data:text/html,<script>x</script>",
  "vbscript:x",
];

describe("URLs from remote sources", () => {
  it("srcset keeps only candidates with safe URLs", () => {
    const html = sanitizeHtml(
      '<img src="/a.png" alt="" srcset="javascript:alert(1) 1x, /ok.png 2x, data:image/png;base64,AAAA 3x, https://cdn.example/x,y.png 4x">',
    );
    assert.equal(
      parse(html).querySelector("img")!.getAttribute("srcset"),
      "/ok.png 2x, https://cdn.example/x,y.png 4x",
    );
    const none = sanitizeHtml('<img src="/a.png" alt="" srcset="javascript:alert(1) 1x">');
    assert.equal(parse(none).querySelector("img")!.getAttribute("srcset"), undefined);
  });

  it("iframes (when allowed) keep https embeds only: no http, no protocol-relative", () => {
    const html = sanitizeHtml(
      '<iframe src="http://video.example/1"></iframe><iframe src="//video.example/2"></iframe><iframe src="javascript:alert(1)"></iframe><iframe src="https://video.example/3"></iframe>',
      { iframes: true },
    );
    const frames = parse(html).querySelectorAll("iframe");
    assert.deepEqual(
      frames.map((f) => f.getAttribute("src")),
      ["https://video.example/3"],
    );
  });

  it("feed links with unsafe schemes are dropped (RSS and Atom)", () => {
    for (const bad of UNSAFE) {
      const rss = readFeed(
        {
          rss: {
            channel: {
              item: [
                { title: "T", link: bad },
                { title: "U", link: "https://ok.example/u" },
              ],
            },
          },
        },
        {},
      );
      assert.deepEqual(
        rss!.map((i) => i.link),
        [null, "https://ok.example/u"],
        bad,
      );
      const atom = readFeed(
        { feed: { entry: { title: "T", id: "1", link: { "@href": bad } } } },
        {},
      );
      assert.equal(atom![0]!.link, null, bad);
    }
  });

  it("WordPress link and url fields with unsafe schemes become empty", () => {
    const bad = UNSAFE[0];
    const entries = toWordpressEntries(
      {
        posts: [
          {
            id: 1,
            slug: "p",
            title: { rendered: "P" },
            link: bad,
            author: 2,
            content: { rendered: "" },
          },
        ],
        pages: [],
        categories: [{ id: 3, slug: "c", name: "C", link: bad }],
        tags: [],
        authors: [{ id: 2, slug: "a", name: "A", link: "https://ok.example/a", url: bad }],
        media: [{ id: 4, slug: "m", title: { rendered: "M" }, source_url: bad }],
      },
      {},
    );
    assert.equal(entries.posts[0]!.data["link"], "");
    assert.equal(entries.categories[0]!.data["link"], "");
    assert.equal(entries.authors[0]!.data["url"], "");
    assert.equal(entries.authors[0]!.data["link"], "https://ok.example/a");
    assert.equal(entries.media[0]!.data["url"], "");
  });
});
