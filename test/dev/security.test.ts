import assert from "node:assert/strict";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";
import { rawGet, sendRaw, startDev, type DevProcess } from "./dev-process.js";

const MARKER = "KILN-SECRET-MARKER";

/**
 * The payloads of research/security.md §1.1–1.3 and the issue, as raw request targets.
 * Each must answer 400, 403 or 404 and show none of the project's other files.
 */
const HOSTILE_TARGETS = [
  "/../kiln.config.ts",
  "/../../../../../../etc/passwd",
  "/%2e%2e/kiln.config.ts",
  "/%2e%2e%2fkiln.config.ts",
  "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
  "/%252e%252e%252fkiln.config.ts",
  "/posts/%252e%252e/%252e%252e/kiln.config.ts",
  "/..%5ckiln.config.ts",
  "/%2e%2e%5ckiln.config.ts",
  "/..;/kiln.config.ts",
  "/hello.txt%00.html",
  "/%00",
  "/#/../kiln.config.ts",
  "/hello.txt#/../../kiln.config.ts",
  "/.env",
  "/.env/.",
  "/./.env",
  "/%2eenv",
  "/.git/config",
  "/.git/config/.",
  "/.kiln/dev/config",
  "/kiln.config.ts",
  "/kiln.config.ts/.",
  "/src/content/posts/first.md",
  "/src/pages/index.md",
  "/public/hello.txt",
  "/node_modules/.package-lock.json",
  "/etc/passwd",
  "//etc/passwd",
  "///etc/passwd",
  "http://127.0.0.1/etc/passwd",
  "*",
  "/../dist-secret/secret.html",
  "/%2e%2e/dist-secret/secret.html",
  "/dist-secret/secret.html",
  "/leak.txt",
  "/__kiln/../kiln.config.ts",
  "/__kiln/client.js/../../kiln.config.ts",
  "/hello.txt/..",
  "/.%2e/kiln.config.ts",
];

describe("kiln dev refuses what it must not serve", () => {
  let project: Project;
  let dev: DevProcess;

  before(async () => {
    project = await copyProject("dev-site");
    const secret = `${MARKER}\n`;
    await writeFile(path.join(project.root, ".env"), `TOKEN=${secret}`);
    await mkdir(path.join(project.root, ".git"), { recursive: true });
    await writeFile(path.join(project.root, ".git/config"), `[core] ${secret}`);
    await mkdir(path.join(project.root, ".kiln/dev/config"), { recursive: true });
    await writeFile(path.join(project.root, ".kiln/dev/config/x.txt"), secret);
    // A sibling whose name shares the output folder's prefix (Vite CVE-2025-58751's shape).
    await mkdir(path.join(project.root, "dist-secret"), { recursive: true });
    await writeFile(path.join(project.root, "dist-secret/secret.html"), secret);
    // A link in the public folder that leads out of it.
    await symlink(
      path.join(project.root, "kiln.config.ts"),
      path.join(project.root, "public/leak.txt"),
    );
    dev = await startDev(project.root);
  });

  after(async () => {
    await dev.stop();
    await project.cleanup();
  });

  it("serves the site and its public files to a well-formed local request", async () => {
    const page = await rawGet(dev.port, "/posts/first/");
    assert.equal(page.status, 200);
    assert.match(page.body, /The first post says hello/);
    assert.match(page.body, /<script type="module" src="\/__kiln\/client.js"><\/script>/);
    const file = await rawGet(dev.port, "/hello.txt");
    assert.equal(file.status, 200);
    assert.equal(file.body, "served\n");
  });

  for (const target of HOSTILE_TARGETS) {
    it(`refuses ${JSON.stringify(target)} and keeps answering`, async () => {
      const response = await rawGet(dev.port, target);
      assert.ok(
        [400, 403, 404].includes(response.status),
        `${target} → ${response.status}\n${response.raw.slice(0, 300)}`,
      );
      assert.ok(!response.raw.includes(MARKER), `${target} leaked a secret file`);
      assert.ok(!response.raw.includes("root:x:0:0"), `${target} leaked /etc/passwd`);
      assert.ok(!response.raw.includes("defineConfig"), `${target} leaked the config`);
      const after = await rawGet(dev.port, "/");
      assert.equal(after.status, 200, `the server stopped answering after ${target}`);
    });
  }

  it("refuses Host names it does not know (DNS rebinding) with 403", async () => {
    for (const host of [
      "attacker.example",
      "127.0.0.1.attacker.example",
      "localhost.evil",
      "0.0.0.0",
    ]) {
      const response = await rawGet(dev.port, "/", { Host: host });
      assert.equal(response.status, 403, host);
      assert.ok(!response.body.includes("Welcome"), host);
    }
    for (const host of ["localhost", `localhost:${dev.port}`, "127.0.0.1", `[::1]:${dev.port}`]) {
      assert.equal((await rawGet(dev.port, "/", { Host: host })).status, 200, host);
    }
  });

  it("answers malformed requests with a 4xx and keeps running", async () => {
    const cases: [string, string][] = [
      ["bad Host [::", `GET / HTTP/1.1\r\nHost: [::\r\nConnection: close\r\n\r\n`],
      ["Host with a path", `GET / HTTP/1.1\r\nHost: 127.0.0.1/x\r\nConnection: close\r\n\r\n`],
      ["Host with a bad port", `GET / HTTP/1.1\r\nHost: 127.0.0.1:x\r\nConnection: close\r\n\r\n`],
      ["no Host", `GET / HTTP/1.1\r\nConnection: close\r\n\r\n`],
      ["garbage request line", `HELLO THERE\r\n\r\n`],
      ["binary garbage", "\x00\x01\x02\xff\xfe\r\n\r\n"],
      ["huge header", `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(100_000)}\r\n\r\n`],
      ["overlong URL", `GET /${"a".repeat(100_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
      ["unknown method", `BREW / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`],
      [
        "POST",
        `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      ],
    ];
    for (const [name, request] of cases) {
      const response = await sendRaw(dev.port, request);
      assert.ok(
        response.status >= 400 && response.status < 500,
        `${name} → ${response.status} ${response.raw.slice(0, 120)}`,
      );
      assert.equal((await rawGet(dev.port, "/")).status, 200, `not answering after ${name}`);
    }
    assert.equal(dev.child.exitCode, null);
  });

  it("refuses the live-reload stream to a foreign Origin", async () => {
    for (const origin of [
      "http://attacker.example",
      "http://1.2.3.4",
      "null",
      `http://127.0.0.1:${dev.port + 1}`,
      `https://localhost:${dev.port}`,
      "garbage",
    ]) {
      const response = await rawGet(dev.port, "/__kiln/events", { Origin: origin });
      assert.equal(response.status, 403, origin);
      assert.ok(!response.body.includes("retry:"), origin);
    }
    const request = `GET /__kiln/events HTTP/1.1\r\nHost: 127.0.0.1:${dev.port}\r\nOrigin: http://127.0.0.1:${dev.port}\r\n\r\n`;
    const allowed = await sendRaw(dev.port, request, 1_000);
    assert.equal(allowed.status, 200);
    assert.match(allowed.head, /content-type: text\/event-stream/i);
  });

  it("refuses a classic cross-site <script> load of its files", async () => {
    const response = await rawGet(dev.port, "/__kiln/client.js", {
      "Sec-Fetch-Site": "cross-site",
      "Sec-Fetch-Mode": "no-cors",
      "Sec-Fetch-Dest": "script",
    });
    assert.equal(response.status, 403);
    assert.equal((await rawGet(dev.port, "/__kiln/client.js")).status, 200);
  });
});
