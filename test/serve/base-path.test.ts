import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startServer, underBase, type RunningServer } from "../../src/serve/index.js";

describe("underBase", () => {
  it("strips the base, sends the root and the bare base to it, and refuses the rest", () => {
    assert.deepEqual(underBase("/docs/a/?q=1", "/docs/"), { kind: "inside", target: "/a/?q=1" });
    assert.deepEqual(underBase("/docs/", "/docs/"), { kind: "inside", target: "/" });
    assert.deepEqual(underBase("/", "/docs/"), { kind: "redirect", location: "/docs/" });
    assert.deepEqual(underBase("/docs", "/docs/"), { kind: "redirect", location: "/docs/" });
    assert.deepEqual(underBase("/docsx/", "/docs/"), { kind: "outside" });
    assert.deepEqual(underBase("/a/", "/"), { kind: "inside", target: "/a/" });
  });
});

describe("kiln serve under site.base", () => {
  let root: string;
  let server: RunningServer;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), "kiln-serve-base-"));
    await mkdir(path.join(root, "about"));
    await writeFile(path.join(root, "index.html"), "home");
    await writeFile(path.join(root, "about/index.html"), "about");
    await writeFile(path.join(root, "404.html"), "missing");
    server = await startServer({ root, port: 0, base: "/docs/" });
  });
  after(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("serves the output's files under the base, as the site's host will", async () => {
    assert.equal(server.url, `http://127.0.0.1:${server.port}/docs/`);
    const origin = `http://127.0.0.1:${server.port}`;
    const get = (url: string) => fetch(`${origin}${url}`, { redirect: "manual" });
    assert.equal(await (await get("/docs/")).text(), "home");
    assert.equal(await (await get("/docs/about/")).text(), "about");
    const slash = await get("/docs/about");
    assert.equal(slash.status, 301);
    assert.equal(slash.headers.get("location"), "/docs/about/");
    const root = await get("/");
    assert.equal(root.status, 302);
    assert.equal(root.headers.get("location"), "/docs/");
    const outside = await get("/about/");
    assert.equal(outside.status, 404);
    assert.equal(await outside.text(), "missing");
  });
});
