import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../src/serve/index.js";

/** Sends a raw request, so nothing normalises the target before the server sees it. */
function rawRequest(
  port: number,
  target: string,
  host = "127.0.0.1",
): Promise<{ status: number; body: string; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    socket.setTimeout(5000, () => socket.destroy(new Error("timeout")));
    socket.on("data", (chunk) => (data += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      const [head = "", ...body] = data.split("\r\n\r\n");
      resolve({ status, head, body: body.join("\r\n\r\n") });
    });
    socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
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

  it("answers a symbolic link out of the output as it answers a missing file", async () => {
    const outside = path.join(base, "outside-folder");
    await mkdir(outside);
    await writeFile(path.join(outside, "index.html"), "TOP-SECRET");
    await symlink(outside, path.join(base, "dist", "linked"));
    for (const target of ["/linked", "/linked/", "/linked/index.html", "/does-not-exist"]) {
      const { status, head, body } = await rawRequest(server.port, target);
      assert.equal(status, 404, `${target} → ${status}: a 301 would tell the folder exists`);
      assert.ok(!/^location:/im.test(head), `${target} redirected`);
      assert.equal(body, "<p>not here</p>", `${target} answered unlike a missing file`);
    }
  });

  it("refuses requests naming another host: a DNS-rebinding page cannot read the preview", async () => {
    for (const host of ["attacker.example", "127.0.0.1.attacker.example", "localhost.:80"]) {
      const { status, body } = await rawRequest(server.port, "/", host);
      assert.equal(status, 403, host);
      assert.ok(!body.includes("home"), host);
    }
    assert.equal((await rawRequest(server.port, "/", "a b")).status, 400);
    for (const host of ["localhost", `localhost:${server.port}`, "[::1]", "127.0.0.1"])
      assert.equal((await rawRequest(server.port, "/", host)).status, 200, host);
  });

  it("answers with the configured extra host names too", async () => {
    const named = await startServer({
      root: path.join(base, "dist"),
      port: 0,
      allowedHosts: ["preview.test"],
    });
    try {
      assert.equal((await rawRequest(named.port, "/", "preview.test")).status, 200);
      assert.equal((await rawRequest(named.port, "/", "other.test")).status, 403);
    } finally {
      await named.close();
    }
  });
});

describe("kiln serve's 404 page", () => {
  it("is not served when it is a symbolic link out of the output", async () => {
    const base = await mkdtemp(path.join(tmpdir(), "kiln-serve-404-"));
    const dist = path.join(base, "dist");
    await mkdir(dist);
    await writeFile(path.join(dist, "index.html"), "<p>home</p>");
    await writeFile(path.join(base, "SECRET.txt"), "TOP-SECRET");
    await symlink(path.join(base, "SECRET.txt"), path.join(dist, "404.html"));
    const server = await startServer({ root: dist, port: 0 });
    try {
      const { status, body } = await rawRequest(server.port, "/missing/");
      assert.equal(status, 404);
      assert.ok(!body.includes("TOP-SECRET"), "the 404 fallback followed a link out of the output");
    } finally {
      await server.close();
      await rm(base, { recursive: true, force: true });
    }
  });
});
