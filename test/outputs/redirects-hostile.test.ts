import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";
import { expectBuildError } from "../helpers/expect-build-error.js";

/**
 * Aliases and redirects that would write outside the URL they name (dot segments), over a
 * host's own config file or inside a public file, and config redirects whose target is
 * script: each is listed in one KILN_REDIRECT_CONFLICT, never a failed write.
 */
describe("redirects and aliases that cannot be written", { timeout: 120_000 }, () => {
  let project: Project;
  before(async () => {
    project = await copyProject("basic-site");
  });
  after(async () => {
    await project?.cleanup();
  });

  it("lists each one in KILN_REDIRECT_CONFLICT, with no EISDIR or EEXIST", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    const text = await readFile(config, "utf8");
    const stderr = await expectBuildError(
      project,
      async () => {
        await writeFile(
          path.join(project.root, "src/pages/about.md"),
          "---\ntitle: About\naliases:\n" +
            ["/../../x", "/a/./b/", "/_headers", "/_redirects", "/robots.txt/x/", "//evil/"]
              .map((a) => `  - "${a}"\n`)
              .join("") +
            "---\n\nAbout.\n",
        );
        await writeFile(
          config,
          text.replace(
            "defineConfig({",
            'defineConfig({\n  redirects: [{ from: "/js/", to: "javascript:alert(1)" }, { from: "/data/", to: " data:text/html,<script>alert(1)</script>" }, { from: "/vb/", to: "VBScript:msgbox" }, { from: "/ok/", to: "https://example.org/a?b#c" }],',
          ),
        );
      },
      { code: "KILN_REDIRECT_CONFLICT" },
    );
    for (const problem of [
      "/../../x (src/pages/about.md) has an empty, `.` or `..` segment",
      "/a/./b/ (src/pages/about.md) has an empty, `.` or `..` segment",
      "//evil/ (src/pages/about.md) has an empty, `.` or `..` segment",
      "/_headers (src/pages/about.md) starts at _headers, a file hosts read as their config",
      "/_redirects (src/pages/about.md) starts at _redirects",
      "/robots.txt/x/ (src/pages/about.md) is the file robots.txt",
      '/js/ (kiln.config.ts) leads to "javascript:alert(1)"',
      '/data/ (kiln.config.ts) leads to " data:text/html,<script>alert(1)</script>"',
      '/vb/ (kiln.config.ts) leads to "VBScript:msgbox"',
    ])
      assert.ok(stderr.includes(problem), `${problem}\n${stderr}`);
    assert.doesNotMatch(stderr, /EISDIR|EEXIST|KILN_PLUGIN_FAILED|\/ok\//);
  });
});
