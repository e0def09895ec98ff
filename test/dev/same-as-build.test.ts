import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { copyProject } from "../helpers/build-fixture.js";
import { startDev } from "./dev-process.js";

const CLIENT_TAG = /\n?<script type="module" src="\/__kiln\/[^"]+"><\/script>/;

/**
 * `kiln dev` and `kiln build` render through the same site runtime: every page the build
 * writes is served by the dev server with the same bytes, but for the live-reload script.
 * (Markdown images are the known difference: dev shows them copied, not encoded.)
 */
for (const fixture of ["markdown-code", "markdown-mdx"]) {
  describe(`${fixture} in kiln dev`, () => {
    it("serves every page as the build writes it", async () => {
      const project = await copyProject(fixture);
      try {
        const built = await project.build();
        assert.equal(built.code, 0, built.stderr);
        const output = await project.snapshot();
        const dev = await startDev(project.root);
        try {
          for (const [file, bytes] of output) {
            if (!file.endsWith(".html") || file === "404.html") continue;
            const url = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
            const response = await fetch(`${dev.url.replace(/\/$/, "")}${url}`);
            assert.equal(response.status, 200, url);
            const html = (await response.text()).replace(CLIENT_TAG, "");
            assert.equal(html, bytes.toString(), `${url} differs between dev and build`);
            for (const [, href] of html.matchAll(
              /<link rel="stylesheet" href="(\/_kiln\/code-[^"]+)">/g,
            )) {
              const css = await fetch(`${dev.url.replace(/\/$/, "")}${href}`);
              assert.equal(await css.text(), output.get(href!.slice(1))?.toString(), href);
            }
          }
        } finally {
          await dev.stop();
        }
      } finally {
        await project.cleanup();
      }
    });
  });
}

describe("drafts", () => {
  it("are left out of a build and shown by kiln dev", async () => {
    const project = await copyProject("plugins");
    try {
      const built = await project.build();
      assert.equal(built.code, 0, built.stderr);
      const files = await project.files();
      assert.ok(files.includes("posts/first/index.html"));
      assert.ok(!files.some((file) => file.includes("draft")), files.join(", "));
      const dev = await startDev(project.root);
      try {
        const response = await fetch(`${dev.url.replace(/\/$/, "")}/posts/draft/`);
        assert.equal(response.status, 200);
        assert.match(await response.text(), /<h1>Draft<\/h1>/);
      } finally {
        await dev.stop();
      }
    } finally {
      await project.cleanup();
    }
  });
});
