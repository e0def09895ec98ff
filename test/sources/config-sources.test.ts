import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateConfig } from "../../src/config/index.js";
import { KilnError } from "../../src/errors/index.js";
import { jsonSource } from "../../src/sources/index.js";

describe("config.sources", () => {
  it("defaults to none and keeps the sources given, in order", () => {
    assert.deepEqual(validateConfig({}, undefined).sources, []);
    const a = jsonSource({ collection: "a", url: "https://a.example/" });
    const b = { name: "mine", load: async () => {} };
    assert.deepEqual(validateConfig({ sources: [a, b] }, undefined).sources, [a, b]);
  });

  it("names the bad entry when it is not a source", () => {
    try {
      validateConfig({ sources: [{ name: "half a source" }] }, undefined);
      assert.fail("expected an error");
    } catch (error) {
      assert.ok(KilnError.is(error), String(error));
      assert.equal(error.code, "KILN_CONFIG_INVALID");
      assert.match(error.message, /`sources\[0\]`.*expected a source such as jsonSource/);
    }
  });
});
