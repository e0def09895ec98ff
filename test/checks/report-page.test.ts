import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderChecksPage } from "../../src/checks/index.js";

describe("renderChecksPage (/_kiln/checks in kiln dev)", () => {
  it("lists problems by entry with its edit link, escaping what the CMS wrote", () => {
    const html = renderChecksPage({
      version: 1,
      errors: 0,
      warnings: 1,
      owners: [
        {
          owner: 'posts entry "a"',
          source: {
            collection: "posts",
            id: "a",
            url: "https://cms.example/wp-json/wp/v2/posts",
            editUrl: "https://cms.example/wp-admin/post.php?post=7&action=edit",
          },
          problems: [
            {
              rule: "heading-order",
              level: "warn",
              message: 'the heading "<b>" skips from h2 to h4',
              pages: ["/posts/a/"],
            },
          ],
        },
      ],
    });
    assert.match(
      html,
      /<a href="https:\/\/cms\.example\/wp-admin\/post\.php\?post=7&amp;action=edit">edit<\/a>/,
    );
    assert.match(html, /the heading &quot;&lt;b&gt;&quot; skips/);
    assert.doesNotMatch(html, /<b>/);
  });

  it("says when there is no report yet", () => {
    assert.match(renderChecksPage(undefined), /No report yet/);
  });
});
