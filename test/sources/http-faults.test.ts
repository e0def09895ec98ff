import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { KilnError } from "../../src/errors/index.js";
import { createTestClient, type ClientFixture } from "./client.js";
import { sendJson, startTestServer, wait, type TestServer } from "./test-server.js";

/** Rejects with a KilnError of this code, and returns it for more checks. */
async function rejectsWith(promise: Promise<unknown>, code: string): Promise<KilnError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(KilnError.is(error), `expected a KilnError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}, but the request succeeded`);
}

describe("fetch faults (a real server on 127.0.0.1)", { timeout: 30_000 }, () => {
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
  const hits = (path: string) =>
    server.requests.filter((r) => r.path.split("?")[0] === path).length;

  it("gives up on a slow server after the timeout, retrying a bounded number of times", async () => {
    server.route("/slow", async (_req, res) => {
      await wait(1500);
      sendJson(res, []);
    });
    const { client } = fixture.again({ fetch: { timeout: 150, retries: 1 } });
    const error = await rejectsWith(
      client.request(
        { url: `${server.url}/slow`, accept: ["application/json"] },
        (text) => JSON.parse(text) as unknown,
      ),
      "KILN_SOURCE_FETCH",
    );
    assert.match(error.message, /no complete response within 150 ms \(2 attempts\)/);
    assert.match(error.message, /\/slow/);
    // The client counts its attempts (above); the server may not even see the second one
    // before the client gives up on it, when the machine is busy.
    assert.ok(hits("/slow") >= 1 && hits("/slow") <= 2, `the server saw ${hits("/slow")} requests`);
  });

  it("retries a 500 and succeeds when the server recovers", async () => {
    let calls = 0;
    server.route("/flaky", (_req, res) => {
      calls++;
      if (calls < 3) res.writeHead(500).end("down");
      else sendJson(res, [{ id: 1 }]);
    });
    assert.deepEqual(await fixture.getJson(`${server.url}/flaky`), [{ id: 1 }]);
    assert.equal(hits("/flaky"), 3);
  });

  it("fails after retries + 1 attempts on a server that keeps answering 500", async () => {
    server.route("/down", (_req, res) => res.writeHead(503).end());
    const error = await rejectsWith(fixture.getJson(`${server.url}/down`), "KILN_SOURCE_FETCH");
    assert.match(error.message, /HTTP 503 \(3 attempts\)/);
    assert.equal(hits("/down"), 3);
  });

  it("honours 429 Retry-After, and refuses one longer than maxRetryAfter", async () => {
    let calls = 0;
    server.route("/limited", (_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(429, { "retry-after": "1" }).end();
      else sendJson(res, { ok: true });
    });
    assert.deepEqual(await fixture.getJson(`${server.url}/limited`), { ok: true });
    assert.equal(hits("/limited"), 2);

    server.route("/too-long", (_req, res) => res.writeHead(429, { "retry-after": "120" }).end());
    const error = await rejectsWith(fixture.getJson(`${server.url}/too-long`), "KILN_SOURCE_FETCH");
    assert.match(error.message, /retry after 120 s, longer than fetch.maxRetryAfter/);
    assert.equal(hits("/too-long"), 1);
  });

  it("treats a body cut short as a network error and retries it", async () => {
    server.route("/truncated", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('[{"id": 1}, {"id"');
      setTimeout(() => res.destroy(), 20);
    });
    const error = await rejectsWith(
      fixture.getJson(`${server.url}/truncated`),
      "KILN_SOURCE_FETCH",
    );
    assert.match(error.message, /closed before the whole response arrived \(3 attempts\)/);
    assert.equal(hits("/truncated"), 3);
  });

  it("refuses the wrong content type at once, without retrying", async () => {
    server.route("/html", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" }).end("<h1>Login</h1>");
    });
    const error = await rejectsWith(
      fixture.getJson(`${server.url}/html`),
      "KILN_SOURCE_CONTENT_TYPE",
    );
    assert.match(error.message, /expected application\/json from .*\/html but got "text\/html"/);
    assert.equal(hits("/html"), 1);
  });

  it("reports malformed JSON with the URL, line and column", async () => {
    server.route("/malformed", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('[\n  {"id": 1},\n  {"id": 2,}\n]');
    });
    const error = await rejectsWith(
      fixture.getJson(`${server.url}/malformed`),
      "KILN_SOURCE_SYNTAX",
    );
    assert.match(
      error.message,
      new RegExp(`malformed JSON from ${server.url}/malformed at line 3, column 12`),
    );
  });

  it("reports a complete but cut-off JSON body at its end", async () => {
    server.route("/cut", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"items": [1, 2');
    });
    const error = await rejectsWith(fixture.getJson(`${server.url}/cut`), "KILN_SOURCE_SYNTAX");
    assert.match(error.message, /at line 1, column 16: /);
  });

  it("refuses a response over maxBytes, declared or streamed", async () => {
    const big = JSON.stringify({ text: "x".repeat(5000) });
    server.route("/big-declared", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": big.length });
      res.end(big);
    });
    server.route("/big-streamed", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      for (let i = 0; i < 10; i++) res.write(big.slice(i * 500, (i + 1) * 500));
      res.end(big.slice(5000));
    });
    const { client } = fixture.again({ fetch: { maxBytes: 1000 } });
    for (const path of ["/big-declared", "/big-streamed"]) {
      const error = await rejectsWith(
        client.request(
          { url: server.url + path, accept: ["application/json"] },
          (text) => JSON.parse(text) as unknown,
        ),
        "KILN_SOURCE_TOO_LARGE",
      );
      assert.match(error.message, /larger than 1000 bytes/);
      assert.equal(hits(path), 1);
    }
  });

  it("does not retry a 404", async () => {
    const error = await rejectsWith(fixture.getJson(`${server.url}/missing`), "KILN_SOURCE_STATUS");
    assert.match(error.message, /HTTP 404/);
    assert.equal(hits("/missing"), 1);
  });

  it("keeps no more requests in flight than the concurrency limit", async () => {
    server.route("/item", async (_req, res) => {
      await wait(30);
      sendJson(res, {});
    });
    const { client } = fixture.again({ fetch: { concurrency: 2 } });
    server.maxInFlight = 0;
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.request(
          { url: `${server.url}/item?n=${i}`, accept: ["application/json"] },
          (text) => JSON.parse(text) as unknown,
        ),
      ),
    );
    assert.equal(hits("/item"), 8);
    assert.equal(server.maxInFlight, 2);
  });
});
