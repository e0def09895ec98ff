import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { KilnError } from "../../src/errors/index.js";
import { fromEnv } from "../../src/sources/index.js";
import { createTestClient, type ClientFixture } from "./client.js";
import { sendJson, startTestServer, type TestServer } from "./test-server.js";

describe("response cache", { timeout: 30_000 }, () => {
  let server: TestServer;
  let fixture: ClientFixture;
  before(async () => {
    server = await startTestServer();
    fixture = await createTestClient();
  });
  after(async () => {
    await server.close();
    await fixture.cleanup();
  });
  const requestsTo = (p: string) => server.requests.filter((r) => r.path.split("?")[0] === p);

  it("revalidates with If-None-Match and uses the cached body on 304", async () => {
    server.route("/etag", (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') res.writeHead(304).end();
      else sendJson(res, { version: 1 }, { etag: '"v1"' });
    });
    assert.deepEqual(await fixture.getJson(`${server.url}/etag`), { version: 1 });
    const next = fixture.again();
    assert.deepEqual(await next.getJson(`${server.url}/etag`), { version: 1 });
    const sent = requestsTo("/etag");
    assert.equal(sent.length, 2);
    assert.equal(sent[0]!.headers["if-none-match"], undefined);
    assert.equal(sent[1]!.headers["if-none-match"], '"v1"');
    assert.equal(next.client.stats.fromCache, 1);
  });

  it("revalidates with If-Modified-Since, and takes a changed body when the server sends one", async () => {
    const stamp = "Wed, 01 May 2024 10:00:00 GMT";
    let version = 1;
    server.route("/modified", (req, res) => {
      if (version === 1 && req.headers["if-modified-since"] === stamp) res.writeHead(304).end();
      else sendJson(res, { version }, { "last-modified": stamp });
    });
    await fixture.getJson(`${server.url}/modified`);
    assert.deepEqual(await fixture.again().getJson(`${server.url}/modified`), { version: 1 });
    assert.equal(requestsTo("/modified")[1]!.headers["if-modified-since"], stamp);
    version = 2;
    assert.deepEqual(await fixture.again().getJson(`${server.url}/modified`), { version: 2 });
  });

  it("answers offline from the cache without touching the network", async () => {
    server.route("/offline", (_req, res) => sendJson(res, { cached: true }));
    await fixture.getJson(`${server.url}/offline`);
    const before = server.requests.length;
    const offline = fixture.again({ offline: true });
    assert.deepEqual(await offline.getJson(`${server.url}/offline`), { cached: true });
    assert.equal(server.requests.length, before);

    await assert.rejects(offline.getJson(`${server.url}/never-fetched`), (error: unknown) => {
      assert.ok(KilnError.is(error));
      assert.equal(error.code, "KILN_SOURCE_OFFLINE_MISSING");
      assert.match(error.message, /never-fetched/);
      return true;
    });
    assert.equal(server.requests.length, before);
  });

  it("falls back to a stale cached response only when opted in, with a warning", async () => {
    let up = true;
    server.route("/stale", (_req, res) => {
      if (up) sendJson(res, { fresh: "once" });
      else res.writeHead(500).end();
    });
    await fixture.getJson(`${server.url}/stale`);
    up = false;
    await assert.rejects(fixture.again().getJson(`${server.url}/stale`), /HTTP 500/);
    const stale = fixture.again({ fetch: { staleIfError: true } });
    assert.deepEqual(await stale.getJson(`${server.url}/stale`), { fresh: "once" });
    assert.equal(stale.logs.length, 1);
    assert.match(
      stale.logs[0]!,
      /^warn: .*HTTP 500.*Building from the cached response of .* \(staleIfError\)/,
    );
  });

  it("never writes a malformed response over a good cached one", async () => {
    let broken = false;
    server.route("/turns-bad", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(broken ? "{oops" : '{"good": true}');
    });
    await fixture.getJson(`${server.url}/turns-bad`);
    broken = true;
    await assert.rejects(fixture.again().getJson(`${server.url}/turns-bad`), /malformed JSON/);
    const offline = fixture.again({ offline: true });
    assert.deepEqual(await offline.getJson(`${server.url}/turns-bad`), { good: true });
  });

  it("keeps credentials from the environment out of errors, logs and cache metadata", async () => {
    process.env.KILN_TEST_TOKEN = "s3cr3t-T0KEN-value";
    process.env.KILN_TEST_KEY = "k3y-Value-42";
    let fail = false;
    server.route("/private", (req, res) => {
      const authorized = req.headers.authorization === "Bearer s3cr3t-T0KEN-value";
      if (!authorized) res.writeHead(401).end();
      else if (fail) res.writeHead(500).end("s3cr3t-T0KEN-value");
      else {
        const next = `<${server.url}/private?api_key=k3y-Value-42&page=2>; rel="next"`;
        sendJson(res, { ok: true }, { etag: '"p"', link: next });
      }
    });
    const run = async (client: ClientFixture) => {
      const authorization = client.secrets.reveal(fromEnv("KILN_TEST_TOKEN", (t) => `Bearer ${t}`));
      const key = client.secrets.reveal(fromEnv("KILN_TEST_KEY"));
      return client.client.request(
        {
          url: `${server.url}/private?api_key=${key}`,
          headers: { authorization },
          accept: ["application/json"],
        },
        (text) => JSON.parse(text) as unknown,
      );
    };
    const first = await run(fixture);
    assert.match(first.header("link")!, /api_key=k3y-Value-42/);
    assert.equal(requestsTo("/private")[0]!.headers.authorization, "Bearer s3cr3t-T0KEN-value");

    fail = true;
    const failing = fixture.again({ fetch: { staleIfError: true } });
    const stale = await run(failing);
    assert.match(stale.header("link")!, /api_key=k3y-Value-42/, "a cached Link header is usable");

    const strict = fixture.again();
    const error = await run(strict).catch((e: unknown) => e as Error);
    assert.ok(error instanceof Error);
    assert.match(error.message, /api_key=\[env:KILN_TEST_KEY\]/);

    const written = [error.message, ...failing.logs, ...strict.logs];
    for (const file of await readdir(fixture.cacheDir)) {
      if (file.endsWith(".json"))
        written.push(await readFile(path.join(fixture.cacheDir, file), "utf8"));
    }
    for (const text of written) {
      assert.doesNotMatch(text, /s3cr3t-T0KEN-value|k3y-Value-42/, text);
    }
    assert.ok(
      written.some((t) => t.includes("[env:KILN_TEST_KEY]")),
      "the metadata names the variable",
    );
  });
});
