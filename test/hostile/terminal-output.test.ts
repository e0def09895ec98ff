import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { terminalSafe } from "../../src/errors/index.js";
import { copyProject } from "../helpers/build-fixture.js";

const ESCAPE = "\u001b[2J\u001b]0;pwned\u0007";

describe("text from content printed to the terminal", () => {
  it("shows control characters escaped, keeping newlines and tabs", () => {
    assert.equal(
      terminalSafe(`a${ESCAPE}\tb\nc\u0000`),
      "a\\u001b[2J\\u001b]0;pwned\\u0007\tb\nc\\u0000",
    );
  });

  it("cannot clear or retitle the terminal through a warning or an error", async () => {
    const project = await copyProject("basic-site");
    try {
      const post = path.join(project.root, "src/content/posts/escape.md");
      await writeFile(
        post,
        `---\ntitle: T\ndate: 2024-01-01\n---\n\`\`\`${ESCAPE}\ncode\n\`\`\`\n`,
      );
      const warned = await project.build();
      assert.equal(warned.code, 0, warned.stderr);
      assert.match(warned.stderr, /warning: .*\\u001b\[2J/);
      await writeFile(post, `---\ntitle: T\ndate: 2024-01-01\nk${ESCAPE}: a\nk${ESCAPE}: b\n---\n`);
      const failed = await project.build();
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, /KILN_DATA_KEY_DUPLICATE.*k\\u001b\[2J/);
      for (const output of [warned.stderr, failed.stderr])
        assert.ok(!output.includes("\u001b"), "a raw escape reached the terminal");
    } finally {
      await project.cleanup();
    }
  });
});
