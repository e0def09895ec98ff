import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

describe("accessibility of the built site", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("a11y-problems");
  });
  after(() => project.cleanup());

  it("fails once, listing every problem at its file and line; heading order only warns", async () => {
    const result = await project.build();
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_A11Y: 5 accessibility problems in the built site/);
    for (const line of [
      'warning: accessibility: src/pages/index.md:3: the heading "A skipped level" skips from h1 to h3 [heading-order] (/)',
      "src/pages/index.md:5: the image /favicon.svg has no alt [image-alt] (/)",
      'src/pages/index.md:7: the link to "/form/" has no text or aria-label [link-name] (/)',
      'src/pages/form.tsx:4: the id "top" is used twice [duplicate-id] (/form/)',
      'src/pages/form.tsx:7: the <input name="q"> has no label [form-label] (/form/)',
      "a <button> has no text or aria-label [button-name] (/form/)",
    ])
      assert.ok(result.stderr.includes(line), `${line}\n${result.stderr}`);
    assert.deepEqual(await project.files().catch(() => []), [], "a failed build wrote output");
  });

  it("builds and prints them with checks.a11y: warn", async () => {
    await writeFile(
      path.join(project.root, "kiln.config.ts"),
      'import { defineConfig } from "kiln-ssg";\n\nexport default defineConfig({ checks: { a11y: "warn" } });\n',
    );
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    assert.equal((result.stderr.match(/accessibility: /g) ?? []).length, 6);
  });
});

describe("a site with broken links and inaccessible pages", () => {
  it("fails once, listing the links and the accessibility problems together", async () => {
    const project = await copyProject("a11y-problems");
    try {
      await writeFile(
        path.join(project.root, "src/pages/links.md"),
        "# Links\n\n[gone](/nowhere/) and [no such heading](/form/#missing)\n",
      );
      const result = await project.build();
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_CHECKS_FAILED/);
      assert.match(result.stderr, /KILN_LINKS_BROKEN: 2 links in the built site lead nowhere/);
      assert.match(result.stderr, /KILN_A11Y: 5 accessibility problems/);
      for (const line of [
        'src/pages/links.md:3: the link "/nowhere/" leads to no file of the site [link-target] (/links/)',
        'src/pages/links.md:3: the link "/form/#missing" has no element with id "missing" there',
        "src/pages/index.md:5: the image /favicon.svg has no alt [image-alt] (/)",
      ])
        assert.ok(result.stderr.includes(line), `${line}\n${result.stderr}`);
      assert.deepEqual(await project.files().catch(() => []), [], "a failed build wrote output");
    } finally {
      await project.cleanup();
    }
  });
});

describe("markdown task lists", () => {
  it("label each checkbox, so a page with `- [ ]` passes the accessibility check", async () => {
    const { accessibilityProblems } = await import("../../src/checks/index.js");
    const { createMarkdownRenderer } = await import("../../src/markdown/index.js");
    const html = createMarkdownRenderer({ html: true }).render("- [ ] todo\n- [x] done\n").html;
    assert.match(html, /<label><input class="task-list-item-checkbox"[^>]*> todo<\/label>/);
    assert.deepEqual(accessibilityProblems(html), []);
  });
});
