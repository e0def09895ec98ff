import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { jsonSource } from "../../src/sources/index.js";
import { loadSource } from "./client.js";
import { sendJson, startTestServer, type TestServer } from "./test-server.js";

/** 23 products, served by every pagination style. */
const PRODUCTS = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, name: `Product ${i + 1}` }));

describe("jsonSource", { timeout: 30_000 }, () => {
  let server: TestServer;
  let cacheDir: string;
  before(async () => {
    server = await startTestServer();
    cacheDir = await mkdtemp(path.join(tmpdir(), "kiln-json-source-"));
    server.route("/link", (req, res) => {
      const page = Number(new URL(req.url!, server.url).searchParams.get("page") ?? 1);
      const next =
        page * 10 < PRODUCTS.length ? { link: `</link?page=${page + 1}>; rel="next"` } : {};
      sendJson(res, PRODUCTS.slice((page - 1) * 10, page * 10), next);
    });
    server.route("/pages", (req, res) => {
      const query = new URL(req.url!, server.url).searchParams;
      const [page, size] = [Number(query.get("page")), Number(query.get("per_page"))];
      const total = Math.ceil(PRODUCTS.length / size);
      sendJson(
        res,
        { data: { items: PRODUCTS.slice((page - 1) * size, page * size) } },
        query.get("announce") ? { "x-total-pages": String(total) } : {},
      );
    });
    server.route("/offset", (req, res) => {
      const query = new URL(req.url!, server.url).searchParams;
      const [offset, limit] = [Number(query.get("offset")), Number(query.get("limit"))];
      sendJson(res, { results: PRODUCTS.slice(offset, offset + limit) });
    });
    server.route("/cursor", (req, res) => {
      const after = Number(new URL(req.url!, server.url).searchParams.get("after") ?? 0);
      const items = PRODUCTS.slice(after, after + 8);
      const next = after + 8 < PRODUCTS.length ? String(after + 8) : null;
      sendJson(res, { items, next });
    });
  });
  after(async () => {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  const ids = (store: Awaited<ReturnType<typeof loadSource>>["store"]) =>
    store
      .list("products")
      .map((e) => Number(e.id))
      .sort((a, b) => a - b);
  const all = PRODUCTS.map((p) => p.id);

  it("follows Link rel=next", async () => {
    const source = jsonSource({
      collection: "products",
      url: `${server.url}/link`,
      paginate: { type: "link" },
    });
    const { store, logs } = await loadSource(source, cacheDir);
    assert.deepEqual(ids(store), all);
    assert.deepEqual(logs, ["info: json:products: 3/3 requests, 0 from cache"]);
    const entry = store.get("products", "7")!;
    assert.deepEqual(entry.data, { id: 7, name: "Product 7" });
    assert.deepEqual(entry.origin, { url: `${server.url}/link` });
  });

  it("walks page numbers until a short page", async () => {
    const source = jsonSource({
      collection: "products",
      url: `${server.url}/pages`,
      items: "data.items",
      paginate: { type: "page", size: { param: "per_page", value: 5 } },
    });
    const { store } = await loadSource(source, cacheDir);
    assert.deepEqual(ids(store), all);
    assert.equal(server.requests.filter((r) => r.path.startsWith("/pages?")).length, 5);
  });

  it("fetches pages by a total-pages header", async () => {
    const source = jsonSource({
      collection: "products",
      url: `${server.url}/pages?announce=1`,
      items: "data.items",
      paginate: {
        type: "page",
        size: { param: "per_page", value: 4 },
        totalPagesHeader: "X-Total-Pages",
      },
    });
    const { store } = await loadSource(source, cacheDir);
    assert.deepEqual(ids(store), all);
    assert.equal(server.requests.filter((r) => r.path.includes("announce")).length, 6);
  });

  it("walks offsets", async () => {
    const source = jsonSource({
      collection: "products",
      url: `${server.url}/offset`,
      items: "results",
      paginate: { type: "offset", limit: { param: "limit", value: 10 } },
    });
    assert.deepEqual(ids((await loadSource(source, cacheDir)).store), all);
  });

  it("follows cursors, and transforms items", async () => {
    const source = jsonSource({
      collection: "products",
      url: `${server.url}/cursor`,
      items: "items",
      paginate: {
        type: "cursor",
        param: "after",
        next: (body) => (body as { next: string | null }).next,
      },
      transform: (item) => ({ title: String(item.name).toUpperCase() }),
    });
    const { store } = await loadSource(source, cacheDir);
    assert.deepEqual(ids(store), all);
    assert.deepEqual(store.get("products", "23")!.data, { title: "PRODUCT 23" });
  });

  it("builds the same entries offline, from the cache", async () => {
    const options = {
      collection: "products",
      url: `${server.url}/link`,
      paginate: { type: "link" },
    } as const;
    const online = await loadSource(jsonSource(options), cacheDir);
    const before = server.requests.length;
    const offline = await loadSource(jsonSource(options), cacheDir, { offline: true });
    assert.equal(server.requests.length, before);
    assert.deepEqual(offline.store.list("products"), online.store.list("products"));
  });

  it("sanitizes the HTML fields it is told about", async () => {
    server.route("/articles", (_req, res) =>
      sendJson(res, [
        {
          slug: "a",
          body: '<p onclick="x()">Hi<script>alert(1)</script></p>',
          title: "<b>kept as text</b>",
        },
      ]),
    );
    const source = jsonSource({
      collection: "articles",
      url: `${server.url}/articles`,
      id: "slug",
      html: ["body"],
    });
    const { store } = await loadSource(source, cacheDir);
    assert.deepEqual(store.get("articles", "a")!.data, {
      slug: "a",
      body: "<p>Hi</p>",
      title: "<b>kept as text</b>",
    });
  });

  it("names the URL when items are not where the options say", async () => {
    server.route("/object", (_req, res) => sendJson(res, { results: "nope" }));
    const source = jsonSource({ collection: "x", url: `${server.url}/object`, items: "results" });
    await assert.rejects(loadSource(source, cacheDir), (error: Error) => {
      assert.match(
        error.message,
        /object: expected an array of items at "results", found string "nope"/,
      );
      return true;
    });
  });

  it("stops a pagination loop", async () => {
    server.route("/loop", (_req, res) =>
      sendJson(res, [{ id: 1 }], { link: '</loop>; rel="next"' }),
    );
    const source = jsonSource({
      collection: "x",
      url: `${server.url}/loop`,
      paginate: { type: "link" },
    });
    await assert.rejects(loadSource(source, cacheDir), /pagination loop/);
  });
});
