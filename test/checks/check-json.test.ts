import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ChecksReport } from "../../src/checks/index.js";
import { copyProject, runKiln } from "../helpers/build-fixture.js";

describe("kiln check --format json", () => {
  it("prints every problem as one JSON object, the checks by owner with rule, line and pages", async () => {
    const project = await copyProject("migrated-site");
    try {
      const result = await runKiln(["check", project.root, "--format", "json"]);
      assert.equal(result.code, 1, result.stderr);
      const output = JSON.parse(result.stdout) as {
        ok: boolean;
        problems: { code: string }[];
        checks: ChecksReport;
      };
      assert.equal(output.ok, false);
      assert.deepEqual(
        output.problems.map((problem) => problem.code),
        ["KILN_LINKS_BROKEN"],
      );
      assert.deepEqual(output.checks.owners, [
        {
          owner: "src/layouts/Base.tsx",
          file: "src/layouts/Base.tsx",
          problems: [
            {
              rule: "link-target",
              level: "error",
              message: 'the link "/missing-page/" leads to no file of the site',
              line: 12,
              pages: ["/", "/posts/post-1/", "/posts/post-2/"],
            },
          ],
        },
      ]);
    } finally {
      await project.cleanup();
    }
  });
});
