import assert from "node:assert/strict";
import { readdir, mkdir, symlink, writeFile } from "node:fs/promises";
import { connect, type Socket } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startDev, startServe, sendRaw, type DevProcess } from "../dev/dev-process.js";
import { copyProject, type Project } from "../helpers/build-fixture.js";

const MARKER = "KILN-RAW-SOCKET-SECRET";
/** What a leaked /etc/passwd would contain. */
const PASSWD = /root:.*:0:0:/;

interface Attack {
  name: string;
  request: string;
  /** The statuses a correct server may answer; 0 is a hang-up without an answer. */
  expect: readonly number[];
}

/**
 * Protocol-level attacks, each a raw request: what HTTP clients would refuse to send. The
 * served root holds links out of it (a file, a folder, `404.html`) to a folder with the
 * secret, so a containment slip anywhere shows as the marker in an answer.
 */
function attacks(port: number): Attack[] {
  const host = `Host: 127.0.0.1:${port}`;
  const lines = (...parts: string[]) => [...parts, "", ""].join("\r\n");
  const get = (target: string, ...headers: string[]) =>
    lines(`GET ${target} HTTP/1.1`, ...headers, "Connection: close");
  const target = (name: string, path: string, expect: number[]): Attack => ({
    name,
    request: get(path, host),
    expect,
  });
  return [
    // Traversal, in every spelling a decoder might normalise after the check.
    target("traversal", "/../../../../.env", [403]),
    target("traversal to /etc/passwd", "/../../../../../../etc/passwd", [403]),
    target("encoded dots", "/%2e%2e/%2e%2e/.env", [403]),
    target("upper-case encoded dots", "/%2E%2E/%2E%2E/etc/passwd", [403]),
    target("half-encoded dots", "/.%2e/.%2e/etc/passwd", [403]),
    target("encoded slashes", "/..%2f..%2f..%2fetc%2fpasswd", [403]),
    target("double-encoded dots", "/%252e%252e/.env", [400]),
    target("double-encoded slash", "/..%252f..%252fetc/passwd", [400]),
    target("backslashes", "/..\\..\\.env", [400]),
    target("encoded backslashes", "/..%5c..%5cetc%5cpasswd", [400]),
    target("raw NUL", "/\u0000.env", [400]),
    target("encoded NUL", "/hello.txt%00.html", [400]),
    target("overlong UTF-8 dot", "/%c0%ae%c0%ae/.env", [400]),
    target("overlong UTF-8 slash", "/..%c0%af..%c0%afetc/passwd", [400]),
    target("three-byte overlong dot", "/%e0%80%ae%e0%80%ae/etc/passwd", [400]),
    target("a lone %", "/%", [400]),
    target("two leading slashes", "//etc/passwd", [400]),
    target("dot file", "/.env", [404]),
    target("dot folder", "/.git/config", [404]),
    // Links out of the root answer as a missing file would (checked byte for byte below).
    target("file link out", "/link.txt", [404]),
    target("folder link out", "/linkdir", [404]),
    target("folder link out, slash", "/linkdir/", [404]),
    target("file through a folder link", "/linkdir/secret.txt", [404]),
    target("404 page link out", "/404.html", [404]),
    // Request targets that are not origin-form.
    target("absolute-form target", "http://127.0.0.1/../../.env", [400]),
    target("absolute-form to another host", "http://attacker.example/", [400]),
    target("asterisk target", "*", [400]),
    target("very long URL", `/${"a".repeat(70_000)}`, [414, 431]),
    // Host: missing, several, forged, malformed.
    { name: "no Host (HTTP/1.1)", request: get("/"), expect: [400] },
    { name: "HTTP/1.0 without Host", request: "GET / HTTP/1.0\r\n\r\n", expect: [400] },
    { name: "empty Host", request: get("/", "Host: "), expect: [400] },
    { name: "two Host headers", request: get("/", host, "Host: attacker.example"), expect: [400] },
    {
      name: "two Host headers, forged first",
      request: get("/", "Host: a.example", host),
      expect: [400],
    },
    { name: "forged Host", request: get("/", "Host: attacker.example"), expect: [403] },
    { name: "rebinding-style Host", request: get("/", "Host: 127.0.0.1.nip.io"), expect: [403] },
    { name: "Host with a trailing dot", request: get("/", "Host: localhost."), expect: [403] },
    { name: "Host 0.0.0.0", request: get("/", "Host: 0.0.0.0"), expect: [403] },
    { name: "Host with userinfo", request: get("/", "Host: user@127.0.0.1"), expect: [400] },
    { name: "Host with a path", request: get("/", "Host: 127.0.0.1/x"), expect: [400] },
    // Headers Node must refuse before any handler runs.
    { name: "huge header", request: get("/", host, `X-Big: ${"a".repeat(70_000)}`), expect: [431] },
    {
      name: "many headers",
      request: get("/", host, ...Array.from({ length: 3000 }, (_, i) => `X-${i}: v`)),
      expect: [431],
    },
    { name: "NUL in a header", request: get("/", host, "X-A: a\u0000b"), expect: [400] },
    { name: "folded header", request: get("/", host, "X-A: a", " folded"), expect: [400] },
    { name: "space before the colon", request: get("/", "Host : 127.0.0.1"), expect: [400] },
    // Request smuggling shapes.
    {
      name: "Content-Length and Transfer-Encoding",
      request: [
        "POST / HTTP/1.1",
        host,
        "Content-Length: 4",
        "Transfer-Encoding: chunked",
        "",
        "0",
        "",
        "GET /../.env HTTP/1.1",
        host,
        "",
        "",
      ].join("\r\n"),
      expect: [400],
    },
    {
      name: "two Content-Length headers",
      request: lines("GET / HTTP/1.1", host, "Content-Length: 1", "Content-Length: 2") + "ab",
      expect: [400],
    },
    {
      name: "negative Content-Length",
      request: lines("GET / HTTP/1.1", host, "Content-Length: -1"),
      expect: [400],
    },
    {
      name: "obfuscated Transfer-Encoding",
      request: lines("POST / HTTP/1.1", host, "Transfer-Encoding: xchunked", "Content-Length: 3"),
      expect: [400, 405, 501],
    },
    // Methods and versions.
    ...["PUT", "DELETE", "POST", "OPTIONS", "TRACE", "PATCH", "PROPFIND"].map((method) => ({
      name: `${method} request`,
      request: lines(
        `${method} /index.html HTTP/1.1`,
        host,
        "Content-Length: 0",
        "Connection: close",
      ),
      expect: [405],
    })),
    { name: "unknown method", request: lines("BREW / HTTP/1.1", host), expect: [400, 405] },
    {
      name: "CONNECT tunnel",
      request: lines("CONNECT 127.0.0.1:22 HTTP/1.1", host),
      expect: [0, 400, 405],
    },
    { name: "HTTP/9.9", request: lines("GET / HTTP/9.9", host), expect: [400, 505] },
    {
      name: "TLS handshake bytes",
      request: "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\r\n\r\n",
      expect: [400],
    },
    {
      name: "bare newline line endings",
      request: `GET /.env HTTP/1.1\n${host}\n\n`,
      expect: [400, 404],
    },
  ];
}

/** The bytes of an answer that depend on the request and not on the clock. */
const withoutDate = (raw: string) => raw.replace(/^Date: .*\r\n/im, "");

const goodRequest = (port: number, target: string) =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`;

/** How many files a process has open (Linux), to catch descriptors leaked per request. */
const openFiles = async (pid: number) => (await readdir(`/proc/${pid}/fd`)).length;

function runAttacks(name: string, server: () => DevProcess, goodPath: string) {
  describe(`raw-socket attacks on ${name}`, () => {
    it(
      "answers every attack as expected, leaks nothing, and keeps answering",
      { timeout: 120_000 },
      async () => {
        const { port, child } = server();
        const wrong: string[] = [];
        for (const attack of attacks(port)) {
          const response = await sendRaw(port, attack.request, 3_000);
          if (!attack.expect.includes(response.status))
            wrong.push(`${attack.name} → ${response.status} (expected ${attack.expect.join("/")})`);
          assert.ok(!response.raw.includes(MARKER), `${attack.name} leaked the secret`);
          assert.doesNotMatch(response.raw, PASSWD, `${attack.name} leaked /etc/passwd`);
          const good = await sendRaw(port, goodRequest(port, goodPath));
          assert.equal(good.status, 200, `the server stopped answering after ${attack.name}`);
        }
        assert.deepEqual(wrong, []);
        assert.equal(child.exitCode, null, `${name} exited`);
        assert.doesNotMatch(server().stderr(), /internal error/i);
      },
    );

    it("answers a link out of the root exactly as a missing file: nothing says it exists", async () => {
      const { port } = server();
      const missing = withoutDate((await sendRaw(port, goodRequest(port, "/missing.txt"))).raw);
      for (const target of [
        "/link.txt",
        "/linkdir",
        "/linkdir/",
        "/linkdir/secret.txt",
        "/missing/",
      ]) {
        const linked = withoutDate((await sendRaw(port, goodRequest(port, target))).raw);
        assert.equal(linked, missing.replace("/missing.txt", target), target);
      }
    });

    it("answers pipelined requests one by one, the hostile one refused", async () => {
      const { port } = server();
      const host = `Host: 127.0.0.1:${port}`;
      const response = await sendRaw(
        port,
        `GET ${goodPath} HTTP/1.1\r\n${host}\r\n\r\n` +
          `GET /%2e%2e/%2e%2e/.env HTTP/1.1\r\n${host}\r\n\r\n` +
          `GET /linkdir/secret.txt HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      );
      const statuses = [...response.raw.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
      assert.deepEqual(statuses, [200, 403, 404]);
      assert.ok(!response.raw.includes(MARKER));
    });

    it("closes the file of every download the client abandons", { timeout: 60_000 }, async () => {
      const { port, child } = server();
      const before = await openFiles(child.pid!);
      for (let i = 0; i < 50; i++) {
        await new Promise<void>((done, fail) => {
          const socket = connect(port, "127.0.0.1");
          socket.on("error", fail);
          socket.once("data", () => {
            socket.destroy();
            done();
          });
          socket.write(`GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
        });
      }
      // Closing is asynchronous: wait (bounded) for the count to come back.
      let now = await openFiles(child.pid!);
      for (let tries = 0; tries < 100 && now > before + 5; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        now = await openFiles(child.pid!);
      }
      assert.ok(now <= before + 5, `${now - before} descriptors leaked by 50 abandoned downloads`);
    });

    it(
      "serves others while 50 slowloris clients hold connections open, never answering them 200",
      { timeout: 30_000 },
      async () => {
        const { port, child } = server();
        const slow: { socket: Socket; data: string }[] = [];
        for (let i = 0; i < 50; i++) {
          const socket = connect(port, "127.0.0.1");
          const entry = { socket, data: "" };
          socket.on("data", (chunk) => (entry.data += chunk.toString("latin1")));
          socket.on("error", () => {});
          socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: a`);
          slow.push(entry);
        }
        try {
          for (let i = 0; i < 5; i++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            for (const { socket } of slow) socket.write("a");
            const good = await sendRaw(port, goodRequest(port, goodPath));
            assert.equal(good.status, 200);
          }
          assert.ok(slow.every(({ data }) => !data.startsWith("HTTP/1.1 200")));
        } finally {
          for (const { socket } of slow) socket.destroy();
        }
        assert.equal(child.exitCode, null);
      },
    );
  });
}

let project: Project;
let preview: DevProcess;
let dev: DevProcess;

before(async () => {
  project = await copyProject("dev-site");
  const outside = path.join(project.root, "outside");
  await mkdir(outside);
  await writeFile(path.join(outside, "secret.txt"), `${MARKER}\n`);
  await writeFile(path.join(outside, "404.html"), `<p>${MARKER}</p>\n`);
  await writeFile(path.join(project.root, ".env"), `TOKEN=${MARKER}\n`);
  const built = await project.build();
  assert.equal(built.code, 0, built.stderr);
  // kiln serve serves the output; kiln dev serves public/: both get the same traps.
  for (const root of [project.outDir, path.join(project.root, "public")]) {
    await writeFile(path.join(root, ".env"), `TOKEN=${MARKER}\n`);
    await writeFile(path.join(root, "big.bin"), Buffer.alloc(8_000_000));
    await symlink(path.join(outside, "secret.txt"), path.join(root, "link.txt"));
    await symlink(outside, path.join(root, "linkdir"));
    await symlink(path.join(outside, "404.html"), path.join(root, "404.html"));
  }
  preview = await startServe(project.root);
  dev = await startDev(project.root);
});

after(async () => {
  await preview?.stop();
  await dev?.stop();
  await project?.cleanup();
});

runAttacks("kiln serve", () => preview, "/");
runAttacks("kiln dev", () => dev, "/hello.txt");

describe("stopping with clients connected", () => {
  it(
    "kiln serve and kiln dev stop on Ctrl-C while clients hold connections open",
    { timeout: 60_000 },
    async () => {
      for (const start of [startServe, startDev]) {
        const server = await start(project.root);
        const idle = connect(server.port, "127.0.0.1");
        const half = connect(server.port, "127.0.0.1");
        for (const socket of [idle, half]) socket.on("error", () => {});
        half.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: a`);
        await new Promise((resolve) => half.once("ready", resolve));
        const exited = new Promise<string>((resolve) =>
          server.child.once("exit", (code, signal) => resolve(`${code ?? signal}`)),
        );
        server.child.kill("SIGINT");
        // Bounded: a server that waits for its clients (Node's headersTimeout is 60 s) fails here.
        const code = await Promise.race([
          exited,
          new Promise((r) => setTimeout(r, 10_000, "hung")),
        ]);
        idle.destroy();
        half.destroy();
        if (code === "hung") await server.stop();
        assert.equal(code, "0", `${start.name} did not stop: ${server.stderr()}`);
      }
    },
  );
});
