import assert from "node:assert/strict";
import { readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, beforeEach, describe, it } from "node:test";
import { copyProject, runKiln, type Project } from "../helpers/build-fixture.js";
import { sendJson, startTestServer, type TestServer } from "./test-server.js";

const FIXTURE = fileURLToPath(new URL("fixtures/remote-json", import.meta.url));
const TOKEN = "tok-9f8e7d6c5b4a";

/** The API as it should answer: two pages of products behind a bearer token. */
function serveProducts(server: TestServer, mode: { status?: number; name?: unknown } = {}): void {
  server.route("/products", (req, res) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end();
    if (mode.status) return void res.writeHead(mode.status).end();
    const page = new URL(req.url!, server.url).searchParams.get("page");
    if (page === "2") {
      sendJson(res, [{ id: "lamp", name: "Lamp", price: 30, description: "<p>Bright</p>" }]);
    } else {
      sendJson(
        res,
        [
          {
            id: "kettle",
            name: mode.name ?? "Kettle",
            price: 25,
            description: '<p onclick="x()">Hot<script>alert(1)</script></p>',
          },
        ],
        { link: `</products?page=2&api_key=${TOKEN}>; rel="next"`, etag: '"p1"' },
      );
    }
  });
}

describe("a site built from a JSON API", { timeout: 120_000 }, () => {
  let server: TestServer;
  let project: Project;
  const build = (...args: string[]) =>
    runKiln(["build", project.root, ...args], {
      env: { KILN_TEST_API: server.url, KILN_TEST_TOKEN: TOKEN, KILN_TEST_STALE: "" },
    });
  before(async () => {
    server = await startTestServer();
  });
  beforeEach(async () => {
    serveProducts(server);
    project = await copyProject(FIXTURE);
  });
  after(() => server.close());

  it("writes a page per item, sanitized, and the token nowhere", async () => {
    const result = await build();
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(await project.files(), [
      "_headers",
      "_headers.nginx.conf",
      "index.html",
      "products/kettle/index.html",
      "products/lamp/index.html",
    ]);
    const kettle = await project.html("products/kettle/index.html");
    assert.equal(kettle.querySelector(".description")!.innerHTML, "<p>Hot</p>");
    assert.match(result.stderr, /json:products: 2\/2 requests, 0 from cache/);
    const written = [result.stdout, result.stderr];
    for (const dir of [project.outDir, path.join(project.root, ".kiln")]) {
      for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile())
          written.push(await readFile(path.join(entry.parentPath, entry.name), "utf8"));
      }
    }
    for (const text of written) assert.ok(!text.includes(TOKEN), "the token leaked");
    await project.cleanup();
  });

  it("builds the same bytes offline, and again after the cache is deleted", async () => {
    assert.equal((await build()).code, 0);
    const online = await project.snapshot();
    const offline = await build("--offline");
    assert.equal(offline.code, 0, offline.stderr);
    assert.match(offline.stderr, /2\/2 requests, 2 from cache/);
    assert.deepEqual(await project.snapshot(), online);
    await rm(path.join(project.root, ".kiln"), { recursive: true });
    assert.equal((await build()).code, 0);
    assert.deepEqual(await project.snapshot(), online);
    await rm(path.join(project.root, ".kiln"), { recursive: true });
    const missing = await build("--offline");
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /KILN_SOURCE_OFFLINE_MISSING/);
    await project.cleanup();
  });

  it("fails the build on a failing server and leaves the previous output whole", async () => {
    assert.equal((await build()).code, 0);
    const previous = await project.snapshot();
    serveProducts(server, { status: 500 });
    const result = await build();
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /error KILN_SOURCE_FETCH: Source "json:products" could not fetch http:\/\/127\.0\.0\.1:\d+\/products: HTTP 500 \(2 attempts\)/,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace without --debug");
    assert.deepEqual(await project.snapshot(), previous);
    await project.cleanup();
  });

  it("builds from the stale cache when opted in, with a warning", async () => {
    assert.equal((await build()).code, 0);
    const previous = await project.snapshot();
    serveProducts(server, { status: 503 });
    const result = await runKiln(["build", project.root], {
      env: { KILN_TEST_API: server.url, KILN_TEST_TOKEN: TOKEN, KILN_TEST_STALE: "1" },
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: .*HTTP 503.*Building from the cached response/);
    assert.deepEqual(await project.snapshot(), previous);
    await project.cleanup();
  });

  it("validates remote items with the collection's schema, naming the URL", async () => {
    serveProducts(server, { name: 42 });
    const result = await build();
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /KILN_ENTRY_INVALID: Field `name` does not match the schema of collection "products"/,
    );
    assert.match(result.stderr, new RegExp(`at ${server.url}/products`));
    await project.cleanup();
  });

  it("names the missing environment variable", async () => {
    const result = await runKiln(["build", project.root], {
      env: { KILN_TEST_API: server.url, KILN_TEST_TOKEN: "" },
    });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /KILN_SOURCE_ENV_MISSING: Source "json:products" needs the environment variable KILN_TEST_TOKEN/,
    );
    await project.cleanup();
  });
});
