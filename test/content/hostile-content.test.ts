import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { z } from "zod";
import { validateConfig } from "../../src/config/index.js";
import { isoDate, loadContent, parseEntry, type Source } from "../../src/content/index.js";
import { KilnError } from "../../src/errors/index.js";
import { copyProject } from "../helpers/build-fixture.js";
import { expectBuildError } from "../helpers/expect-build-error.js";

const bytes = (text: string) => new TextEncoder().encode(text);

function parseError(text: string | Uint8Array, file: string): KilnError {
  try {
    parseEntry(typeof text === "string" ? bytes(text) : text, file);
  } catch (error) {
    assert.ok(KilnError.is(error), `not a coded error: ${String(error)}`);
    return error;
  }
  assert.fail("parsed without an error");
}

describe("content that broke Kiln before", () => {
  it("reads front matter in a file with lone-CR line endings (a draft stays a draft)", () => {
    const parsed = parseEntry(
      bytes("---\rtitle: Old Mac\rdraft: true\r---\r# Body\rtext\r"),
      "/p/a.md",
    );
    assert.deepEqual(parsed.data, { title: "Old Mac", draft: true });
    assert.equal(parsed.body, "# Body\ntext\n");
    assert.equal(parsed.bodyLine, 5);
  });

  it(
    "parses YAML with 100,000 keys in linear time (uniqueKeys was quadratic: 76 s)",
    { timeout: 30_000 },
    () => {
      const yaml = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join("\n");
      const parsed = parseEntry(bytes(`---\n${yaml}\n---\n`), "/p/big.md");
      assert.equal(Object.keys(parsed.data).length, 100_000);
    },
  );

  it("refuses a key given twice, in YAML and in JSON alike, at the second key's line", () => {
    const yaml = parseError("---\ntitle: A\nnested:\n  x: 1\n  x: 2\n---\n", "/p/a.md");
    assert.equal(yaml.code, "KILN_DATA_KEY_DUPLICATE");
    assert.deepEqual(yaml.location, { file: "/p/a.md", line: 5, column: 3 });
    const json = parseError('{\n  "title": "A",\n  "title": "B"\n}\n', "/p/a.json");
    assert.equal(json.code, "KILN_DATA_KEY_DUPLICATE");
    assert.equal(json.location?.line, 3);
    const front = parseError('---json\n{ "a": { "b": 1, "b": 2 } }\n---\n', "/p/f.md");
    assert.equal(front.code, "KILN_DATA_KEY_DUPLICATE");
    assert.equal(front.location?.line, 2);
    // The same key in two different objects is fine.
    assert.deepEqual(parseEntry(bytes('{ "a": { "x": 1 }, "b": { "x": 2 } }'), "/p/ok.json").data, {
      a: { x: 1 },
      b: { x: 2 },
    });
  });

  it("gives invalid UTF-8 a line and column, not only a byte offset", () => {
    const text = Buffer.concat([
      Buffer.from("---\ntitle: é\n---\nline four\nbad: "),
      Buffer.from([0xff]),
    ]);
    const error = parseError(text, "/p/a.md");
    assert.equal(error.code, "KILN_UTF8_INVALID");
    assert.deepEqual(error.location, { file: "/p/a.md", line: 5, column: 6 });
  });

  it("gives an alias bomb the line where the aliases start", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const name = String.fromCharCode(98 + i);
      const prev = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const error = parseError(`---\n${lines.join("\n")}\n---\n`, "/p/bomb.md");
    assert.equal(error.code, "KILN_DATA_SYNTAX");
    assert.equal(error.location?.line, 3);
  });
});

describe("isoDate()", () => {
  it("refuses dates the calendar lacks, which z.coerce.date() rolled over", () => {
    const schema = isoDate();
    assert.equal(schema.parse("2024-02-29").toISOString(), "2024-02-29T00:00:00.000Z");
    assert.equal(schema.parse("2024-01-05T10:30:00Z").toISOString(), "2024-01-05T10:30:00.000Z");
    assert.equal(schema.parse(new Date("2024-03-01")).toISOString(), "2024-03-01T00:00:00.000Z");
    for (const bad of ["2024-02-31", "2023-02-29", "2024-13-01", "2024-01-05T25:00", "yesterday"])
      assert.equal(schema.safeParse(bad).success, false, bad);
    assert.equal(z.coerce.date().parse("2024-02-31").toISOString().slice(0, 10), "2024-03-02");
  });
});

describe("schema messages", () => {
  const logger = { info() {}, warn() {} };
  async function validate(data: Record<string, unknown>, schema: z.ZodType): Promise<KilnError> {
    const source: Source = {
      name: "memory",
      load({ store, digest }) {
        store.set({
          id: "a",
          collection: "posts",
          data,
          body: "",
          digest: digest("a"),
          origin: { url: "memory:a" },
        });
        return Promise.resolve();
      },
    };
    const config = validateConfig({ collections: { posts: { schema } } }, undefined);
    return loadContent({ root: "/x", config, sources: [source], logger }).then(
      () => assert.fail("validated"),
      (error: unknown) => {
        assert.ok(KilnError.is(error));
        return error;
      },
    );
  }

  it("calls a missing required field missing", async () => {
    const error = await validate(
      { title: "A" },
      z.object({ title: z.string(), summary: z.string() }),
    );
    assert.equal(error.code, "KILN_ENTRY_FIELD_MISSING");
    assert.match(error.message, /Field `summary` is missing/);
  });

  it("says which value is not a date, not 'expected date, received Date'", async () => {
    const error = await validate({ date: "someday" }, z.object({ date: z.coerce.date() }));
    assert.equal(error.code, "KILN_ENTRY_INVALID");
    assert.doesNotMatch(error.message, /received Date/);
    assert.match(error.message, /"someday" is not a date/);
  });

  it("reports a missing field of a file entry at the entry's file through a real build", async () => {
    const project = await copyProject("basic-site");
    try {
      await expectBuildError(
        project,
        () =>
          writeFile(
            path.join(project.root, "src/content/posts/third.md"),
            "---\ndate: 2024-01-01\n---\nNo title.\n",
          ),
        { code: "KILN_ENTRY_FIELD_MISSING", message: /Field `title` is missing/ },
      );
    } finally {
      await project.cleanup();
    }
  });
});
