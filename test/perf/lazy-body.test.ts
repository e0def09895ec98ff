import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { z } from "zod";
import { configSchema } from "../../src/config/index.js";
import {
  fileSource,
  loadContent,
  restoreStore,
  snapshotStore,
  type ContentStore,
} from "../../src/content/index.js";

/** Bodies stay on disk until read: what keeps a 100k-post build's memory bounded. */
describe("entry bodies loaded when needed", () => {
  let root: string;
  let store: ContentStore;
  const body = "## Hello\n\nSome *text*.\n";
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), "kiln-lazy-"));
    await mkdir(path.join(root, "src/content/posts"), { recursive: true });
    await writeFile(
      path.join(root, "src/content/posts/hello.md"),
      `---\ntitle: Hello\ndate: 2024-05-01\n---\n${body}`,
    );
    await writeFile(path.join(root, "src/content/posts/data.json"), '{ "title": "Data" }');
    store = await loadContent({
      root,
      config: configSchema.parse({
        collections: {
          posts: { schema: z.object({ title: z.string(), date: z.coerce.date().optional() }) },
        },
      }),
      sources: [fileSource(path.join(root, "src/content"))],
      logger: { info: () => {}, warn: () => {} },
    });
  });
  after(() => rm(root, { recursive: true, force: true }));

  it("reads a markdown body from its file, after the schema ran", () => {
    const entry = store.get("posts", "hello")!;
    assert.equal(entry.body, body);
    assert.ok(entry.data.date instanceof Date, "the schema's output was kept");
    const descriptor = Object.getOwnPropertyDescriptor(entry, "body")!;
    assert.equal(typeof descriptor.get, "function", "the body was loaded into memory");
    assert.deepEqual({ ...entry }.body, body, "a spread copy carries the body");
    assert.equal(store.get("posts", "data")!.body, "");
  });

  it("sends a snapshot without markdown bodies, and the restored store reads them back", () => {
    const snapshot = snapshotStore(store);
    const hello = snapshot.entries.find((e) => e.id === "hello")!;
    assert.equal(hello.body, undefined);
    assert.ok(structuredClone(snapshot), "the snapshot can be sent to a worker");
    const restored = restoreStore(structuredClone(snapshot));
    assert.equal(restored.get("posts", "hello")!.body, body);
    assert.deepEqual(restored.get("posts", "hello")!.data, store.get("posts", "hello")!.data);
    assert.deepEqual(restored.names(), store.names());
  });
});
