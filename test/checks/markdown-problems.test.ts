import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { copyProject } from "../helpers/build-fixture.js";

describe("render-time markdown problems", () => {
  it("lists every missing image, image without alt and missing .md target of every page in one build", async () => {
    const project = await copyProject("markdown-image-alt");
    try {
      const pages = path.join(project.root, "src/pages");
      for (let i = 1; i <= 5; i++) {
        await writeFile(
          path.join(pages, `readme-${i}.md`),
          `# Readme ${i}\n\n![](./diagram.png)\n\n![Logo](./nope-${i}.png)\n\nSee [the guide](./guide-${i}.md).\n`,
        );
      }
      const result = await project.build();
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_MARKDOWN_PROBLEMS: 16 problems in markdown files/);
      for (let i = 1; i <= 5; i++) {
        assert.match(
          result.stderr,
          new RegExp(`readme-${i}\\.md:3:\\d+: .*has no alt text.*\\[KILN_IMAGE_ALT\\]`),
        );
        assert.match(
          result.stderr,
          new RegExp(
            `readme-${i}\\.md:5:\\d+: .*nope-${i}\\.png.*\\[KILN_MARKDOWN_IMAGE_INVALID\\]`,
          ),
        );
        assert.match(
          result.stderr,
          new RegExp(
            `readme-${i}\\.md:7:\\d+: .*guide-${i}\\.md.*\\[KILN_MARKDOWN_LINK_MISSING\\]`,
          ),
        );
      }
      assert.match(result.stderr, /index\.md:4:\d+: .*diagram\.png" has no alt text/);
    } finally {
      await project.cleanup();
    }
  });
});
