import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateConfig } from "../../src/config/index.js";
import { loadContent, type Source } from "../../src/content/index.js";
import { KilnError } from "../../src/errors/index.js";

const logger = { info() {}, warn() {} };

describe("loadContent", () => {
  it("runs a custom source through the same interface as the file source", async () => {
    const source: Source = {
      name: "numbers",
      async load({ store, digest }) {
        for (const n of [2, 1]) {
          store.set({
            id: String(n),
            collection: "numbers",
            data: { n },
            body: "",
            digest: digest(String(n)),
            origin: { url: `memory:${n}` },
          });
        }
        await Promise.resolve();
      },
    };
    const store = await loadContent({
      root: "/x",
      config: validateConfig({}, undefined),
      sources: [source],
      logger,
    });
    assert.deepEqual(
      store.list("numbers").map((e) => e.id),
      ["1", "2"],
    );
    assert.equal(store.get("numbers", "2")?.data.n, 2);
  });

  it("names a source that throws, as the user's problem, not Kiln's", async () => {
    const source: Source = {
      name: "flaky-api",
      load: () => Promise.reject(new Error("connection reset")),
    };
    await assert.rejects(
      loadContent({ root: "/x", config: validateConfig({}, undefined), sources: [source], logger }),
      (error: unknown) =>
        KilnError.is(error) &&
        error.code === "KILN_SOURCE_FAILED" &&
        /"flaky-api" failed: connection reset/.test(error.message),
    );
  });

  it("refuses two entries with one id, naming the other", async () => {
    const twice: Source = {
      name: "twice",
      async load({ store }) {
        for (const url of ["a", "b"])
          store.set({
            id: "same",
            collection: "c",
            data: {},
            body: "",
            digest: "",
            origin: { url },
          });
        await Promise.resolve();
      },
    };
    await assert.rejects(
      loadContent({ root: "/x", config: validateConfig({}, undefined), sources: [twice], logger }),
      (error: unknown) =>
        KilnError.is(error) &&
        error.code === "KILN_ENTRY_DUPLICATE" &&
        error.message.includes("other is a"),
    );
  });
});
