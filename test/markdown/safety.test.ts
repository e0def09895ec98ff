import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { createMarkdownRenderer } from "../../src/markdown/index.js";

/** Ways to write a script URL that a careless renderer lets through. */
const PAYLOADS = [
  "[a](javascript:alert(1))",
  "[a](JaVaScRiPt:alert(1))",
  "[a](<javascript:alert(1)>)",
  '[a](javascript:alert(1) "title")',
  "[a](&#x6A;avascript:alert(1))",
  "[a](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  "[a](javascript&colon;alert(1))",
  "[a](java&#x09;script:alert(1))",
  "[a](java&#10;script:alert(1))",
  "[a](&#x01;javascript:alert(1))",
  "[a](\u0001javascript:alert(1))",
  "[a](vbscript:msgbox(1))",
  "[a](VBSCRIPT:msgbox(1))",
  "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[a](DATA:text/html,<script>alert(1)</script>)",
  "[a](file:///etc/passwd)",
  "![a](javascript:alert(1))",
  "![a](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "![a](data:text/html;base64,PHNjcmlwdD4=)",
  "<javascript:alert(1)>",
  "<vbscript:msgbox(1)>",
  "<data:text/html,<script>alert(1)</script>>",
  "[ref]\n\n[ref]: javascript:alert(1)",
  "![ref]\n\n[ref]: data:text/html;base64,PHNjcmlwdD4=",
  "Note[^1]\n\n[^1]: [a](javascript:alert(1))",
  "| x |\n| - |\n| [a](javascript:alert(1)) |",
  "- [ ] [a](javascript:alert(1))",
  "# [a](javascript:alert(1))",
  "javascript:alert(1) and www.javascript:alert(1)",
  "[a](./javascript:alert(1).md)",
];

const SAFE_IMAGE_DATA = /^data:image\/(?:gif|png|jpeg|webp);/i;

/** What a browser would make of a URL attribute: its scheme, or undefined for a relative one. */
function schemeOf(value: string): string | undefined {
  try {
    return new URL(value, "https://site.test/page/").protocol;
  } catch {
    return undefined;
  }
}

function dangerousUrls(html: string): string[] {
  const found: string[] = [];
  for (const element of parse(html).querySelectorAll("[href],[src]")) {
    for (const name of ["href", "src"]) {
      const value = element.getAttribute(name);
      if (value === undefined) continue;
      const scheme = schemeOf(value);
      const isImageData =
        element.tagName === "IMG" && name === "src" && SAFE_IMAGE_DATA.test(value);
      if (scheme && ["javascript:", "vbscript:", "data:", "file:"].includes(scheme) && !isImageData)
        found.push(`${element.tagName} ${name}=${value}`);
    }
  }
  return found;
}

describe("markdown safety", () => {
  for (const html of [true, false]) {
    const renderer = createMarkdownRenderer({ html, headingAnchors: true });
    it(`never emits a javascript:, vbscript:, file: or non-image data: URL (html: ${html})`, () => {
      for (const payload of PAYLOADS) {
        const out = renderer.render(payload, {
          source: { file: "/site/src/pages/a.md", bodyLine: 1 },
          resolveUrl: () => "/ok/",
        }).html;
        assert.deepEqual(dangerousUrls(out), [], `${JSON.stringify(payload)} → ${out}`);
      }
    });
  }

  it("the check itself catches a script URL", () => {
    assert.deepEqual(dangerousUrls('<a href=" JAVASCRIPT:x">a</a>'), ["A href= JAVASCRIPT:x"]);
    assert.deepEqual(dangerousUrls('<img src="data:image/png;base64,AA">'), []);
  });

  it("keeps image data: URLs of raster types", () => {
    const out = createMarkdownRenderer({ html: false }).render("![a](data:image/png;base64,iVBO)");
    assert.equal(
      parse(out.html).querySelector("img")?.getAttribute("src"),
      "data:image/png;base64,iVBO",
    );
  });

  it("passes raw HTML through by default: local authors are trusted", () => {
    const out = createMarkdownRenderer({ html: true }).render(
      '<div class="note">Hi</div>\n\nA <kbd>key</kbd>.',
    );
    const root = parse(out.html);
    assert.equal(root.querySelector("div.note")?.text, "Hi");
    assert.equal(root.querySelector("kbd")?.text, "key");
  });

  it("escapes raw HTML when markdown.html is off", () => {
    const source =
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> <b onclick="x()">b</b>';
    const out = createMarkdownRenderer({ html: false }).render(source).html;
    const root = parse(out);
    assert.equal(root.querySelectorAll("script,img,b").length, 0);
    assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});
