import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { renderErrorPage } from "../../src/dev/index.js";
import { KilnError, catalog } from "../../src/errors/index.js";

describe("the dev error page", () => {
  it("shows code, message, location, code frame and hint, all escaped", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "kiln-error-page-"));
    try {
      await writeFile(path.join(root, "x.md"), "line one\n<script>alert(1)</script>\nline three\n");
      const error = new KilnError(
        catalog.ModuleCompile({ reason: "Unexpected <img src=x onerror=alert(1)>" }),
        { file: path.join(root, "x.md"), line: 2, column: 3 },
      );
      const html = renderErrorPage(error, root);
      assert.match(html, /KILN_MODULE_COMPILE/);
      assert.match(html, /Unexpected &lt;img src=x onerror=alert\(1\)&gt;/);
      assert.match(html, /x\.md:2:3/);
      assert.match(html, /&gt; 2 \| &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.doesNotMatch(html, /<script>alert|<img src=x/);
      // As the terminal does, the page links to the code's entry in the error reference.
      assert.match(
        html,
        /in the error reference: <code>[^<]+\/errors\.md#kiln_module_compile<\/code>/,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("never shows a code frame of a file outside the project (Gatsby CVE-2023-34238)", () => {
    const error = new KilnError(catalog.ModuleCompile({ reason: "x" }), {
      file: "/etc/passwd",
      line: 1,
    });
    const html = renderErrorPage(error, path.join(tmpdir(), "some-project"));
    assert.doesNotMatch(html, /root:/);
    assert.doesNotMatch(html, /class="frame"/);
  });

  it("shows an internal error without its stack", () => {
    const html = renderErrorPage(new TypeError("secret internals at /home/x"), "/project");
    assert.match(html, /KILN_INTERNAL/);
    assert.doesNotMatch(html, /secret internals/);
  });
});
