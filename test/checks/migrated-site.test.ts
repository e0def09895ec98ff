import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { ChecksReport } from "../../src/checks/index.js";
import { copyProject, type Project } from "../helpers/build-fixture.js";

const POSTS = 500;

/** Post i: links to its neighbours as files; every 50th has an image without alt and skips
 * from h2 to h4 (HTML in markdown, as the content of a site moved from another generator does. */
function post(i: number): string {
  const next = (i % POSTS) + 1;
  const broken = i % 50 === 0;
  return [
    "---",
    `title: Post ${i}`,
    "---",
    "",
    `Next: [post ${next}](./post-${next}.md).`,
    "",
    "## Section",
    "",
    broken ? "#### Detail" : "### Detail",
    "",
    broken
      ? '<img src="https://cdn.example.com/photo.png">'
      : '<img src="https://cdn.example.com/photo.png" alt="A photo">',
    "",
  ].join("\n");
}

describe("a 500-page site shaped like a migrated one", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("migrated-site");
    for (let i = 1; i <= POSTS; i++)
      await writeFile(path.join(project.root, `src/content/posts/post-${i}.md`), post(i));
  });
  after(() => project.cleanup());

  it("prints each problem once, at the file and line that owns it", async () => {
    const result = await project.build();
    assert.equal(result.code, 1, result.stderr);
    const lines = result.stderr.split("\n");
    assert.ok(lines.length < 100, `${lines.length} lines:\n${result.stderr}`);
    // The layout's nav link: one line for all 501 pages.
    assert.match(
      result.stderr,
      /src\/layouts\/Base\.tsx:12: the link "\/missing-page\/" leads to no file of the site \[link-target\] \(on 501 pages: /,
    );
    assert.match(result.stderr, /KILN_CHECKS_FAILED/);
    for (let i = 50; i <= POSTS; i += 50) {
      assert.ok(
        result.stderr.includes(
          `src/content/posts/post-${i}.md:11: the image https://cdn.example.com/photo.png has no alt [image-alt] (/posts/post-${i}/)`,
        ),
        result.stderr,
      );
      assert.ok(
        result.stderr.includes(
          `warning: accessibility: src/content/posts/post-${i}.md:9: the heading "Detail" skips from h2 to h4 [heading-order] (/posts/post-${i}/)`,
        ),
      );
    }
    // Links between entries and the svg-labelled link are not problems.
    assert.doesNotMatch(result.stderr, /post-\d+\.md"|twitter|link-name/);
    const report = JSON.parse(
      await readFile(path.join(project.root, ".kiln/reports/checks.json"), "utf8"),
    ) as ChecksReport;
    assert.equal(report.errors, 11);
    assert.equal(report.warnings, 10);
    const layout = report.owners.find((owner) => owner.file === "src/layouts/Base.tsx");
    assert.equal(layout?.problems[0]?.pages.length, 501);
  });

  it("builds once only those are fixed; heading order still warns", async () => {
    const layout = path.join(project.root, "src/layouts/Base.tsx");
    await writeFile(
      layout,
      (await readFile(layout, "utf8")).replace("/missing-page/", "/posts/post-1/"),
    );
    for (let i = 50; i <= POSTS; i += 50) {
      const file = path.join(project.root, `src/content/posts/post-${i}.md`);
      await writeFile(
        file,
        (await readFile(file, "utf8")).replace('.png">', '.png" alt="A photo">'),
      );
    }
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    assert.equal((result.stderr.match(/\[heading-order\]/g) ?? []).length, 10);
    assert.match(await project.read("posts/post-1/index.html"), /href="\/posts\/post-2\/"/);
  });

  it("tunes rules, ignores URLs and lets a page opt out", async () => {
    await writeFile(
      path.join(project.root, "kiln.config.ts"),
      (await readFile(path.join(project.root, "kiln.config.ts"), "utf8")).replace(
        "markdown:",
        'checks: { a11y: { ignore: ["/posts/post-1??/"], rules: { "heading-order": "error" } } },\n  markdown:',
      ),
    );
    const file = path.join(project.root, "src/content/posts/post-500.md");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("title:", "checks: false\ntitle:"),
    );
    const result = await project.build();
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /KILN_A11Y: 7 accessibility problems/);
    assert.doesNotMatch(result.stderr, /post-(100|150|500)\.md/);
  });
});
