import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createProgressLine } from "../../src/cli/progress-line.js";
import { ContentStore } from "../../src/content/index.js";
import { jsonSource } from "../../src/sources/index.js";
import { sha256 } from "../../src/support/index.js";
import { sendJson, startTestServer, type TestServer } from "./test-server.js";

describe("source progress", { timeout: 30_000 }, () => {
  let server: TestServer;
  let cacheDir: string;
  before(async () => {
    server = await startTestServer();
    cacheDir = await mkdtemp(path.join(tmpdir(), "kiln-progress-"));
    server.route("/items", (req, res) => {
      const page = Number(new URL(req.url!, server.url).searchParams.get("page"));
      sendJson(res, [{ id: page }], { "x-total-pages": "4" });
    });
  });
  after(async () => {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it("reports requests done of those started, ending with all done", async () => {
    const reports: [number, number][] = [];
    await jsonSource({
      collection: "items",
      url: `${server.url}/items`,
      paginate: { type: "page", totalPagesHeader: "X-Total-Pages" },
    }).load({
      root: cacheDir,
      cacheDir,
      store: new ContentStore(),
      logger: { info: () => {}, warn: () => {} },
      digest: sha256,
      progress: (done, total) => reports.push([done, total]),
    });
    assert.deepEqual(reports[0], [0, 1]);
    assert.deepEqual(reports.at(-1), [4, 4]);
    for (const [done, total] of reports) assert.ok(done <= total);
  });

  it("is shown on the terminal's live line per source", () => {
    const written: string[] = [];
    const line = createProgressLine({ isTTY: true, write: (c: string) => written.push(c) > 0 }, {});
    line.update({ stage: "content", detail: "wordpress", done: 6, total: 6, unit: "requests" });
    assert.ok(written[0]!.startsWith("\r\x1b[2Kcontent wordpress 6/6 requests · "), written[0]);
  });
});
