import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../src/serve/index.js";
import { startDev, sendRaw, type DevProcess } from "../dev/dev-process.js";
import { copyProject, type Project } from "../helpers/build-fixture.js";

const MARKER = "KILN-RAW-SOCKET-SECRET";

/**
 * Protocol-level attacks, each a raw request: what HTTP clients would refuse to send.
 * Every one must get an HTTP answer (or a hang-up) with no secret in it, and the server
 * must answer a good request afterwards.
 */
function attacks(port: number): { name: string; request: string }[] {
  const host = `Host: 127.0.0.1:${port}`;
  const get = (target: string, ...headers: string[]) =>
    [`GET ${target} HTTP/1.1`, ...headers, "Connection: close", "", ""].join("\r\n");
  return [
    { name: "absolute-form target", request: get("http://127.0.0.1/../../.env", host) },
    { name: "absolute-form to another host", request: get("http://attacker.example/", host) },
    { name: "asterisk target", request: get("*", host) },
    { name: "no Host (HTTP/1.1)", request: get("/") },
    { name: "HTTP/1.0 without Host", request: "GET / HTTP/1.0\r\n\r\n" },
    { name: "two Host headers", request: get("/", host, "Host: attacker.example") },
    { name: "forged Host", request: get("/", "Host: attacker.example") },
    { name: "Host with userinfo", request: get("/", "Host: user@127.0.0.1") },
    { name: "huge header", request: get("/", host, `X-Big: ${"a".repeat(70_000)}`) },
    {
      name: "many headers",
      request: get("/", host, ...Array.from({ length: 3000 }, (_, i) => `X-${i}: v`)),
    },
    { name: "very long URL", request: get(`/${"a".repeat(70_000)}`, host) },
    { name: "NUL in the target", request: get("/\u0000.env", host) },
    { name: "NUL in a header", request: get("/", host, "X-A: a\u0000b") },
    { name: "traversal in the target", request: get("/../../../../.env", host) },
    { name: "encoded traversal", request: get("/%2e%2e/%2e%2e/.env", host) },
    { name: "double-encoded traversal", request: get("/%252e%252e/.env", host) },
    { name: "backslash traversal", request: get("/..\\..\\.env", host) },
    { name: "overlong UTF-8 dot", request: get("/%c0%ae%c0%ae/.env", host) },
    {
      name: "request smuggling: Content-Length and Transfer-Encoding",
      request: [
        "POST / HTTP/1.1",
        host,
        "Content-Length: 4",
        "Transfer-Encoding: chunked",
        "",
        "0",
        "",
        `GET /../.env HTTP/1.1`,
        host,
        "",
        "",
      ].join("\r\n"),
    },
    {
      name: "two Content-Length headers",
      request: ["GET / HTTP/1.1", host, "Content-Length: 1", "Content-Length: 2", "", "ab"].join(
        "\r\n",
      ),
    },
    ...["PUT", "DELETE", "POST", "OPTIONS", "TRACE", "PATCH", "PROPFIND"].map((method) => ({
      name: `${method} request`,
      request: [
        `${method} /index.html HTTP/1.1`,
        host,
        "Content-Length: 0",
        "Connection: close",
        "",
        "",
      ].join("\r\n"),
    })),
    { name: "CONNECT tunnel", request: `CONNECT 127.0.0.1:22 HTTP/1.1\r\n${host}\r\n\r\n` },
    {
      name: "garbage request line",
      request: "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\r\n\r\n",
    },
    { name: "bare newline line endings", request: `GET /.env HTTP/1.1\n${host}\n\n` },
  ];
}

/** The answers a hostile request may get; 0 is a hang-up without an answer. */
const REFUSALS = new Set([0, 200, 301, 400, 403, 404, 405, 413, 414, 431, 501, 505]);

function runAttacks(name: string, target: () => { port: number; goodPath: string }) {
  describe(`raw-socket attacks on ${name}`, () => {
    it(
      "answers every attack without leaking, and keeps answering",
      { timeout: 120_000 },
      async () => {
        const { port, goodPath } = target();
        for (const attack of attacks(port)) {
          const response = await sendRaw(port, attack.request, 3_000);
          assert.ok(REFUSALS.has(response.status), `${attack.name} → ${response.status}`);
          assert.ok(!response.raw.includes(MARKER), `${attack.name} leaked the secret`);
          // A 200 is only ever the site's own page (HTTP/1.0 and the like).
          if (response.status === 200) assert.match(response.body, /<html|served/, attack.name);
          const good = await sendRaw(
            port,
            `GET ${goodPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
          );
          assert.equal(good.status, 200, `the server stopped answering after ${attack.name}`);
        }
      },
    );

    it(
      "serves others while a slowloris client holds a connection open, and never answers it 200",
      { timeout: 30_000 },
      async () => {
        const { port, goodPath } = target();
        const slow = sendRaw(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: a`, 2_000);
        const good = await sendRaw(
          port,
          `GET ${goodPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
        );
        assert.equal(good.status, 200);
        assert.ok((await slow).status !== 200);
      },
    );
  });
}

let project: Project;
let preview: RunningServer;
let dev: DevProcess;

before(async () => {
  project = await copyProject("dev-site");
  await writeFile(path.join(project.root, ".env"), `TOKEN=${MARKER}\n`);
  const built = await project.build();
  assert.equal(built.code, 0, built.stderr);
  await writeFile(path.join(project.outDir, ".env"), `TOKEN=${MARKER}\n`);
  preview = await startServer({ root: project.outDir, port: 0 });
  dev = await startDev(project.root);
});

after(async () => {
  await preview.close();
  await dev.stop();
  await project.cleanup();
});

runAttacks("kiln serve", () => ({ port: preview.port, goodPath: "/" }));
runAttacks("kiln dev", () => ({ port: dev.port, goodPath: "/hello.txt" }));
