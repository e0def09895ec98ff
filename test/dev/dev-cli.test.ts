import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { describe, it } from "node:test";
import { copyProject } from "../helpers/build-fixture.js";
import { rawGet, startDev } from "./dev-process.js";

/** A port that something else holds for the duration of `work`. */
async function withTakenPort(work: (port: number) => Promise<void>): Promise<void> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const { port } = blocker.address() as { port: number };
  try {
    await work(port);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
}

describe("kiln dev", () => {
  it("takes the next free port when the asked one is in use", async () => {
    const project = await copyProject("dev-site");
    try {
      await withTakenPort(async (taken) => {
        const dev = await startDev(project.root, ["--port", String(taken)]);
        try {
          assert.notEqual(dev.port, taken);
          assert.ok(dev.port > taken && dev.port <= taken + 20, `${dev.port} after ${taken}`);
          assert.equal((await rawGet(dev.port, "/")).status, 200);
        } finally {
          await dev.stop();
        }
      });
    } finally {
      await project.cleanup();
    }
  });

  it("warns when --host opens it to the network, and still checks Host", async () => {
    const project = await copyProject("dev-site");
    const dev = await startDev(project.root, ["--port", "0", "--host", "127.0.0.1"]);
    await dev.stop();
    const open = await startDev(project.root, ["--port", "0", "--host", "localhost"]).catch(
      (error: Error) => error,
    );
    try {
      // "localhost" may resolve to ::1 only; either way it must have warned before listening.
      if (!(open instanceof Error)) {
        assert.match(open.stderr(), /warning: --host localhost lets other machines/);
        await open.stop();
      } else assert.match(open.message, /warning: --host localhost/);
      assert.doesNotMatch(dev.stderr(), /warning: --host/);
    } finally {
      await project.cleanup();
    }
  });

  it("starts on a broken project, shows the error, and recovers when it is fixed", async () => {
    const project = await copyProject("dev-site");
    const file = path.join(project.root, "src/pages/index.md");
    const original = await readFile(file, "utf8");
    await writeFile(file, original.replace("title: Home", "title: [unclosed"));
    const dev = await startDev(project.root);
    try {
      const broken = await rawGet(dev.port, "/");
      assert.equal(broken.status, 500);
      assert.match(broken.body, /KILN_DATA_SYNTAX/);
      assert.match(broken.body, /src\/pages\/index\.md:\d+/);
      assert.match(dev.stderr(), /error KILN_DATA_SYNTAX/);
      // Public files are still served while pages are broken.
      assert.equal((await rawGet(dev.port, "/hello.txt")).status, 200);

      await writeFile(file, original);
      await dev.waitForStderr(/fixed .*index\.md/);
      const fixed = await rawGet(dev.port, "/");
      assert.equal(fixed.status, 200, fixed.body);
      assert.match(fixed.body, /Welcome to the dev site/);
    } finally {
      await dev.stop();
      await project.cleanup();
    }
  });

  it("serves a new post at once, and 404 for a deleted one", async () => {
    const project = await copyProject("dev-site");
    const dev = await startDev(project.root);
    try {
      const post = path.join(project.root, "src/content/posts/second.md");
      await writeFile(post, "---\ntitle: Second\n---\n\nA second post.\n");
      await dev.waitForStderr(/updated .*second\.md/);
      const added = await rawGet(dev.port, "/posts/second/");
      assert.equal(added.status, 200);
      assert.match(added.body, /A second post/);
      const redirect = await rawGet(dev.port, "/posts/second?x=1");
      assert.equal(redirect.status, 301);
      assert.match(redirect.head, /location: \/posts\/second\/\?x=1/i);

      // An edit to an existing entry takes the fast path: paths() runs again with the new data.
      const first = path.join(project.root, "src/content/posts/first.md");
      await writeFile(first, (await readFile(first, "utf8")).replace("First post", "Renamed post"));
      await dev.waitForStderr(/updated .*first\.md/);
      assert.match((await rawGet(dev.port, "/posts/first/")).body, /<h1>Renamed post<\/h1>/);

      await rm(first);
      await dev.waitForStderr(/updated .*first\.md[\s\S]*updated .*first\.md/);
      const gone = await rawGet(dev.port, "/posts/first/");
      assert.equal(gone.status, 404);
      assert.doesNotMatch(gone.body, /The first post says hello/);
    } finally {
      await dev.stop();
      await project.cleanup();
    }
  });
});
