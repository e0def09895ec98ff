import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseEntry } from "../../src/content/index.js";
import { KilnError } from "../../src/errors/index.js";

const FILE = "/site/src/content/posts/a.md";
const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parseEntry(bytes(text), FILE);

/** The KilnError `fn` throws, for asserting on its code and location. */
function thrown(fn: () => unknown): KilnError {
  try {
    fn();
  } catch (error) {
    assert.ok(KilnError.is(error), `expected a KilnError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected an error");
}

describe("front matter", () => {
  it("reads YAML between --- fences", () => {
    const entry = parse("---\ntitle: Hi\ntags: [a, b]\n---\n# Body\n");
    assert.deepEqual(entry.data, { title: "Hi", tags: ["a", "b"] });
    assert.equal(entry.body, "# Body\n");
    assert.equal(entry.bodyLine, 5);
  });

  it("reads TOML between +++ fences and after ---toml", () => {
    const toml = 'title = "Hi"\ndraft = true\n[author]\nname = "Ada"\n';
    for (const text of [`+++\n${toml}+++\nBody\n`, `---toml\n${toml}---\nBody\n`]) {
      const entry = parse(text);
      // smol-toml builds objects without prototypes: compare the data, not the prototypes.
      assert.deepEqual(structuredClone(entry.data), {
        title: "Hi",
        draft: true,
        author: { name: "Ada" },
      });
      assert.equal(entry.body, "Body\n");
      assert.equal(entry.bodyLine, 7);
    }
  });

  it("reads JSON after ---json", () => {
    const entry = parse('---json\n{ "title": "Hi", "n": 2 }\n---\nBody');
    assert.deepEqual(entry.data, { title: "Hi", n: 2 });
    assert.equal(entry.body, "Body");
  });

  it("strips a byte-order mark", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("---\ntitle: Hi\n---\nBody")]);
    assert.deepEqual(parseEntry(withBom, FILE).data, { title: "Hi" });
  });

  it("refuses bytes that are not UTF-8, naming the offset", () => {
    const error = thrown(() => parseEntry(new Uint8Array([0x2d, 0x61, 0xff, 0x62]), FILE));
    assert.equal(error.code, "KILN_UTF8_INVALID");
    assert.match(error.message, /byte offset 2/);
    assert.equal(error.location?.file, FILE);
  });

  it("never runs executable front matter", () => {
    const error = thrown(() => parse("---js\n{ title: (() => process.exit(1))() }\n---\n"));
    assert.equal(error.code, "KILN_FRONTMATTER_LANGUAGE");
    assert.deepEqual(error.location, { file: FILE, line: 1, column: 4 });
  });

  it("reports TOML syntax errors at the file's line and column", () => {
    const error = thrown(() => parse('+++\ntitle = "Hi"\ndraft = yes\n+++\n'));
    assert.equal(error.code, "KILN_DATA_SYNTAX");
    assert.match(error.message, /Invalid TOML/);
    assert.equal(error.location?.line, 3);
    assert.equal(typeof error.location?.column, "number");
  });

  it("reports JSON syntax errors at the file's line and column", () => {
    const error = thrown(() => parse('---json\n{\n  "title": "Hi",\n  oops\n}\n---\n'));
    assert.equal(error.code, "KILN_DATA_SYNTAX");
    assert.deepEqual(error.location, { file: FILE, line: 4, column: 3 });
  });

  it("reports YAML syntax errors at the file's line and column", () => {
    const error = thrown(() => parse('---\ntitle: Hi\ndesc: "open\n---\n'));
    assert.equal(error.code, "KILN_DATA_SYNTAX");
    assert.equal(error.location?.file, FILE);
    assert.ok((error.location?.line ?? 0) >= 3);
  });

  it("refuses keys that reach an object's prototype, in every language", () => {
    for (const text of [
      "+++\n[__proto__]\npolluted = true\n+++\n",
      '---json\n{ "__proto__": { "polluted": true } }\n---\n',
      "---\n__proto__:\n  polluted: true\n---\n",
    ]) {
      assert.equal(thrown(() => parse(text)).code, "KILN_DATA_KEY_FORBIDDEN");
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it("refuses a YAML alias bomb", () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    assert.equal(thrown(() => parse(`---\n${bomb.join("\n")}\n---\n`)).code, "KILN_DATA_SYNTAX");
  });

  it("requires the closing fence of its own kind", () => {
    assert.equal(
      thrown(() => parse('+++\ntitle = "x"\n---\nBody')).code,
      "KILN_FRONTMATTER_UNCLOSED",
    );
  });
});
