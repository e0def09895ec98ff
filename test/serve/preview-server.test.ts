import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../src/serve/index.js";

/** Sends a raw request, so nothing normalises the target before the server sees it. */
function rawRequest(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    socket.setTimeout(5000, () => socket.destroy(new Error("timeout")));
    socket.on("data", (chunk) => (data += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.split("\r\n\r\n").slice(1).join("\r\n\r\n") });
    });
    socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

describe("kiln serve", () => {
  let base: string;
  let server: RunningServer;
  before(async () => {
    base = await mkdtemp(path.join(tmpdir(), "kiln-serve-"));
    const dist = path.join(base, "dist");
    await mkdir(path.join(dist, "about"), { recursive: true });
    await writeFile(path.join(dist, "index.html"), "<p>home</p>");
    await writeFile(path.join(dist, "about/index.html"), "<p>about</p>");
    await writeFile(path.join(dist, "404.html"), "<p>not here</p>");
    await writeFile(path.join(dist, "style.css"), "p{}");
    await writeFile(path.join(base, "SECRET.txt"), "TOP-SECRET");
    await mkdir(path.join(base, "dist-private"));
    await writeFile(path.join(base, "dist-private/index.html"), "TOP-SECRET");
    await writeFile(path.join(dist, ".env"), "TOP-SECRET");
    await symlink(path.join(base, "SECRET.txt"), path.join(dist, "leak.txt"));
    server = await startServer({ root: dist, port: 0 });
  });
  after(async () => {
    await server.close();
    await rm(base, { recursive: true, force: true });
  });

  it("serves pretty URLs, redirects a missing slash, and answers 404 with the 404 page", async () => {
    const home = await fetch(server.url);
    assert.equal(home.status, 200);
    assert.equal(await home.text(), "<p>home</p>");
    assert.equal(home.headers.get("content-type"), "text/html; charset=utf-8");
    const about = await fetch(`${server.url}about/`);
    assert.equal(await about.text(), "<p>about</p>");
    const redirect = await fetch(`${server.url}about?x=1`, { redirect: "manual" });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get("location"), "/about/?x=1");
    const css = await fetch(`${server.url}style.css`);
    assert.equal(css.headers.get("content-type"), "text/css; charset=utf-8");
    const missing = await fetch(`${server.url}nope/`);
    assert.equal(missing.status, 404);
    assert.equal(await missing.text(), "<p>not here</p>");
    const post = await fetch(server.url, { method: "POST" });
    assert.equal(post.status, 405);
  });

  it("never serves anything outside the output, whatever the target", async () => {
    for (const target of [
      "/../SECRET.txt",
      "/%2e%2e/SECRET.txt",
      "/%2e%2e%2fSECRET.txt",
      "/%252e%252e%252fSECRET.txt",
      "/..%5cSECRET.txt",
      "/..;/SECRET.txt",
      "/SECRET.txt%00.html",
      "/#/../SECRET.txt",
      "/.env",
      "/.env/.",
      "/leak.txt",
      "/../dist-private/",
      `${path.join(base, "SECRET.txt")}`,
      "//SECRET.txt",
    ]) {
      const { status, body } = await rawRequest(server.port, target);
      assert.ok([400, 403, 404].includes(status), `${target} → ${status}`);
      assert.ok(!body.includes("TOP-SECRET"), `${target} leaked`);
    }
    assert.equal((await fetch(server.url)).status, 200, "the server stopped answering");
  });
});
