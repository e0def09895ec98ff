import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { contentSecurityPolicy, inlineHashes } from "../../src/outputs/index.js";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("inline code hashes for the Content-Security-Policy", () => {
  it("hashes inline scripts that run, styles and style attributes, and nothing else", () => {
    const html = [
      "<head><style>body{color:red}</style>",
      '<script type="speculationrules">{"prerender":[]}</script>',
      '<script type="application/ld+json">{"@type":"Thing"}</script>',
      '<script type="module" src="/_kiln/islands.js"></script>',
      "<script>console.log(1)</script></head>",
      '<body><img style="background:url(&quot;x.png&quot;)" alt="x">',
      "<p>text with style=&quot;not an attribute&quot; in it, as Kiln writes text</p></body>",
    ].join("");
    const hashes = inlineHashes(html);
    assert.deepEqual(hashes.scripts, [sha('{"prerender":[]}'), sha("console.log(1)")].sort());
    assert.deepEqual(hashes.styles, [sha("body{color:red}")]);
    assert.deepEqual(hashes.styleAttributes, [sha('background:url("x.png")')]);
    assert.deepEqual(hashes.blocked, []);
  });

  it("reports what no hash can allow", () => {
    const hashes = inlineHashes(
      '<button onclick="go()">Go</button><a href="javascript:void 0">x</a>',
    );
    assert.deepEqual(hashes.blocked, ["a javascript: URL", "an inline onclick handler"]);
  });

  it("writes a policy without 'unsafe-inline', naming the hashes", () => {
    const policy = contentSecurityPolicy(inlineHashes('<script>a()</script><p style="x:y"></p>'));
    assert.match(policy, new RegExp(`script-src 'self' ${sha("a()").replace(/[+/]/g, "\\$&")}`));
    assert.match(policy, /style-src 'self' 'unsafe-hashes' 'sha256-/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  });
});
