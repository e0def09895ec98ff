import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { copyProject } from "../helpers/build-fixture.js";
import { startServe } from "../dev/dev-process.js";

describe("trailingSlash: false", () => {
  it("writes /about to about.html, links and the sitemap say /about, and kiln serve answers it", async () => {
    const project = await copyProject("i18n");
    try {
      const config = path.join(project.root, "kiln.config.ts");
      const text = await readFile(config, "utf8");
      await writeFile(
        config,
        text.replace("defineConfig({", "defineConfig({\n  trailingSlash: false,"),
      );
      await writeFile(
        path.join(project.root, "src/pages/only.md"),
        "---\ntitle: Only here\n---\n\n# Only in English\n\nSee [about](./about.md).\n",
      );
      // The check holds hand-written links to the choice: `/about/` would now lead nowhere.
      const before = await project.build();
      assert.equal(before.code, 1);
      assert.match(before.stderr, /"\/about\/" leads to no file of the site/);
      for (const [file, from, to] of [
        ["src/pages/index.md", "(/fr/) [About](/about/)", "(/fr) [About](/about)"],
        ["src/pages/fr/index.md", "(/fr/about/)", "(/fr/about)"],
      ] as const) {
        const page = path.join(project.root, file);
        await writeFile(page, (await readFile(page, "utf8")).replace(from, to));
      }
      const result = await project.build();
      assert.equal(result.code, 0, result.stderr);
      const files = await project.files();
      for (const file of ["index.html", "about.html", "only.html", "fr/about.html", "fr.html"])
        assert.ok(files.includes(file), `${file} missing from ${files.join(", ")}`);
      assert.ok(!files.includes("about/index.html"));
      assert.match(await project.read("only.html"), /<a href="\/about">about<\/a>/);
      assert.match(
        await project.read("sitemap.xml"),
        /<loc>https:\/\/example.org\/fr\/about<\/loc>/,
      );
      const serve = await startServe(project.root);
      try {
        const response = await fetch(`${serve.url.replace(/\/$/, "")}/fr/about`, {
          redirect: "manual",
        });
        assert.equal(response.status, 200);
        assert.match(await response.text(), /<html lang="fr">/);
      } finally {
        await serve.stop();
      }
    } finally {
      await project.cleanup();
    }
  });
});
