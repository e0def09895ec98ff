import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { copyProject } from "../helpers/build-fixture.js";

describe("a build with several bad entries", () => {
  it("lists every entry that does not parse or fails its schema, in one run", async () => {
    const project = await copyProject("check-problems");
    try {
      const result = await project.build();
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_ENTRIES_INVALID: 2 content entries cannot be used/);
      assert.match(result.stderr, /src\/content\/posts\/bad\.md:\d+(:\d+)?: KILN_ENTRY_INVALID/);
      assert.match(result.stderr, /src\/content\/posts\/broken\.md:\d+(:\d+)?: KILN_/);
      assert.deepEqual(await project.files().catch(() => []), []);
    } finally {
      await project.cleanup();
    }
  });
});
