import assert from "node:assert/strict";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { copyProject, runKiln, snapshot } from "../helpers/build-fixture.js";

describe("a project reached through a symbolic link", () => {
  it("builds exactly as through its real path (entry ids, routes, output)", async () => {
    const project = await copyProject(path.resolve("examples/blog"));
    const links = await mkdtemp(path.join(tmpdir(), "kiln-links-"));
    try {
      const linked = path.join(links, "site");
      await symlink(project.root, linked);
      const throughLink = await runKiln(["build", linked]);
      assert.equal(throughLink.code, 0, throughLink.stderr);
      const viaLink = await snapshot(project.outDir);
      assert.ok(viaLink.has("posts/zero-javascript/index.html"), [...viaLink.keys()].join(", "));
      await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
      const direct = await project.build();
      assert.equal(direct.code, 0, direct.stderr);
      assert.deepEqual(await snapshot(project.outDir), viaLink);
    } finally {
      await rm(links, { recursive: true, force: true });
      await project.cleanup();
    }
  });
});
