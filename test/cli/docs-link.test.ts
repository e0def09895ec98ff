import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { copyProject } from "../helpers/build-fixture.js";

// Issue 23, point 7: every error linked to https://kiln-ssg.dev/errors/…, a site that does not
// exist. The link is now the error reference shipped in the package, and its entry is there.
describe("an error's docs link", () => {
  it("leads to the shipped error reference, which has the code's entry", async () => {
    const project = await copyProject("check-problems");
    try {
      const result = await project.build();
      assert.equal(result.code, 1);
      const link = /see: (\S+)#(kiln_[a-z_]+)/.exec(result.stderr);
      assert.ok(link, result.stderr);
      const [, file, anchor] = link;
      assert.doesNotMatch(result.stderr, /kiln-ssg\.dev/);
      assert.ok(existsSync(file!), `${file} does not exist`);
      assert.match(readFileSync(file!, "utf8"), new RegExp(`^## ${anchor!.toUpperCase()}$`, "m"));
    } finally {
      await project.cleanup();
    }
  });

  it("ships in the package: package.json lists the docs pages", () => {
    const pkg = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ) as {
      files: string[];
      scripts: Record<string, string>;
    };
    assert.ok(pkg.files.includes("docs/src/content/docs/*.md"), pkg.files.join(", "));
    assert.ok(pkg.scripts["docs:deploy"], "no docs:deploy script");
  });
});
