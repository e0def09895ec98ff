import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

describe("broken links in the built site", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("broken-links");
  });
  after(() => project.cleanup());

  it("fails once, listing every broken link and fragment with its page and source", async () => {
    const result = await project.build();
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_LINKS_BROKEN: 6 links in the built site lead nowhere/);
    for (const line of [
      'src/pages/index.md:4: the link "/nowhere/" leads to no file of the site [link-target] (/)',
      'src/pages/index.md:4: the link "/guide/#no-such-section" has no element with id "no-such-section" there [link-fragment] (/)',
      'src/pages/index.md:5: the link "/img/missing.png" leads to no file of the site [link-target] (/)',
      'src/pages/guide/index.md:5: the link "../gone/" leads to no file of the site [link-target] (/guide/)',
      'src/pages/guide/index.md:5: the link "#nothing" has no element with id "nothing" there [link-fragment] (/guide/)',
      'src/pages/about.tsx:6: the link "/logo.svg" leads to no file of the site [link-target] (/about/)',
    ])
      assert.ok(result.stderr.includes(line), `${line}\n${result.stderr}`);
    assert.doesNotMatch(result.stderr, /\/guide\/#setup|"\/guide"|example\.org/);
    assert.deepEqual(await project.files().catch(() => []), [], "a failed build wrote output");
  });

  it("builds with the links printed when checks.links is warn, and keeps nothing broken on fixing", async () => {
    await writeFile(
      path.join(project.root, "kiln.config.ts"),
      'import { defineConfig } from "kiln-ssg";\n\nexport default defineConfig({ checks: { links: "warn" } });\n',
    );
    const warned = await project.build();
    assert.equal(warned.code, 0, warned.stderr);
    assert.equal((warned.stderr.match(/broken link: /g) ?? []).length, 6);
    const before = await project.snapshot();
    // The previous output stays as it was when a later build fails on its links.
    await writeFile(path.join(project.root, "kiln.config.ts"), "export default {};\n");
    const failed = await project.build();
    assert.equal(failed.code, 1);
    assert.deepEqual(await project.snapshot(), before);
    assert.match(await readFile(path.join(project.outDir, "index.html"), "utf8"), /Home/);
  });
});
