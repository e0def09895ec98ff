import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { accessibilityFacts, accessibilityProblems, pageLinks } from "../../src/checks/index.js";

const page = (body: string, head = "<title>T</title>", html = '<html lang="en">') =>
  `<!doctype html>${html}<head>${head}</head><body>${body}</body></html>`;

describe("accessibilityProblems", () => {
  it("finds nothing on a page that is fine", () => {
    assert.deepEqual(
      accessibilityProblems(
        page(
          '<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><a href="/"><img src="/a.png" alt="Home"></a>' +
            '<a href="/x" aria-label="X"></a><button title="Close"><svg></svg></button>' +
            '<label>N <input name="n"></label><label for="m">M</label><input id="m">' +
            '<span id="l">L</span><select aria-labelledby="l"></select><input type="submit">' +
            '<img src="/d.png" alt=""><script>if (a < b) document.write("<img>")</script>',
        ),
      ),
      [],
    );
  });

  it("finds each kind of problem, and takes a title of spaces and &nbsp; for none", () => {
    assert.deepEqual(
      accessibilityProblems(
        page(
          '<h2>A</h2><h4>B</h4><img src="/a.png"><a href="/x"> &nbsp;</a><button></button>' +
            '<input name="q"><textarea></textarea><p id="d"></p><p id="d"></p>',
          "<title> &nbsp;</title>",
          "<html>",
        ),
      ).sort(),
      [
        "<html> has no lang",
        "a <button> has no text or aria-label",
        'the <input name="q"> has no label',
        "the <textarea> has no label",
        'the heading "B" skips from h2 to h4',
        'the id "d" is used twice',
        "the image /a.png has no alt",
        'the link to "/x" has no text or aria-label',
        "the page has no <title>",
      ],
    );
  });

  it("takes an svg with role=img and aria-label as a link's name", () => {
    assert.deepEqual(
      accessibilityProblems(
        page(
          '<a href="https://twitter.com/k"><svg role="img" aria-label="Twitter"><path d="M0"/></svg></a>',
        ),
      ),
      [],
    );
  });

  it("reports every unnamed link of a page, each by its href, with its rule id", () => {
    const facts = accessibilityFacts(page('<a href="/a"><svg></svg></a><a href="/b"> </a>'));
    assert.deepEqual(
      facts.map(({ rule, message, needle }) => ({ rule, message, needle })),
      [
        { rule: "link-name", message: 'the link to "/a" has no text or aria-label', needle: "/a" },
        { rule: "link-name", message: 'the link to "/b" has no text or aria-label', needle: "/b" },
      ],
    );
  });
});

describe("pageLinks", () => {
  it("reads links and ids from tags, not from text that shows markup", () => {
    const { ids, links } = pageLinks(
      '<h2 id="setup">Setup</h2><p>Write <code>&lt;a href=/docs/&gt;</code> or ' +
        '&quot;&gt;&lt;img src=x onerror=1&gt;</p><a href="/a/#setup">A</a>' +
        '<img src="/i.png" srcset="/i-1.png 1x, /i-2.png 2x" alt="">' +
        '<kiln-island props="[&quot;\\u003cimg src=x onerror=1&quot;]"></kiln-island>',
    );
    assert.deepEqual([...ids], ["setup"]);
    assert.deepEqual(links, ["/a/#setup", "/i.png", "/i-1.png", "/i-2.png"]);
  });
});
