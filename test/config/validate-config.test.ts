import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { validateConfig } from "../../src/config/index.js";
import { KilnError } from "../../src/errors/index.js";

describe("validateConfig", () => {
  it("fills every default", () => {
    const config = validateConfig({}, undefined);
    assert.equal(config.outDir, "dist");
    assert.equal(config.publicDir, "public");
    assert.equal(config.site.title, "Kiln site");
    assert.equal(config.site.lang, "en");
    assert.equal(config.markdown.html, true);
    assert.deepEqual(config.collections, {});
  });

  it("accepts a schema from any zod copy (Standard Schema)", () => {
    const config = validateConfig(
      { collections: { posts: { schema: z.object({ title: z.string() }) } } },
      undefined,
    );
    assert.ok(config.collections.posts?.schema);
  });

  for (const [input, field] of [
    [{ sitee: {} }, "sitee"],
    [{ site: { title: 3 } }, "site.title"],
    [{ site: { url: "not a url" } }, "site.url"],
    [{ site: { lang: "english please" } }, "site.lang"],
    [{ collections: { posts: { schema: "x" } } }, "collections.posts.schema"],
    [{ collections: { "bad name!": {} } }, "collections"],
    [{ markdown: { html: "yes" } }, "markdown.html"],
  ] as const) {
    it(`names ${field}`, () => {
      try {
        validateConfig(input, undefined);
        assert.fail("expected an error");
      } catch (error) {
        assert.ok(KilnError.is(error), String(error));
        assert.equal(
          error.code,
          field === "sitee" ? "KILN_CONFIG_KEY_UNKNOWN" : "KILN_CONFIG_INVALID",
        );
        assert.ok(error.message.includes(`\`${field}`), error.message);
      }
    });
  }
});

describe("an unknown config key", () => {
  for (const [input, hint] of [
    [{ outdir: "x" }, /Did you mean `outDir`\?/],
    [{ site: { tittle: "x" } }, /Did you mean `title`\?/],
    [{ dev: { allowedHost: ["a"] } }, /Did you mean `allowedHosts`\?/],
    [{ zzzzzz: 1 }, /config reference/],
  ] as const) {
    it(`suggests the closest key for ${JSON.stringify(input)}`, () => {
      try {
        validateConfig(input, undefined);
        assert.fail("expected an error");
      } catch (error) {
        assert.ok(KilnError.is(error), String(error));
        assert.equal(error.code, "KILN_CONFIG_KEY_UNKNOWN");
        assert.match(error.hint ?? "", hint);
      }
    });
  }
});
