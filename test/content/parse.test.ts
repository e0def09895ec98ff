import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { KilnError } from "../../src/errors/index.js";
import {
  decodeText,
  firstInvalidByte,
  parseEntry,
  splitFrontMatter,
} from "../../src/content/index.js";

const errorOf = (work: () => unknown): KilnError => {
  try {
    work();
  } catch (error) {
    assert.ok(KilnError.is(error), `not a KilnError: ${String(error)}`);
    return error;
  }
  assert.fail("expected an error");
};

describe("strict UTF-8", () => {
  it("finds the first bad byte", () => {
    assert.equal(firstInvalidByte(Buffer.from("héllo €")), -1);
    assert.equal(firstInvalidByte(Buffer.from([0x61, 0x62, 0xff])), 2);
    assert.equal(firstInvalidByte(Buffer.from([0x61, 0xc3])), 1, "truncated sequence");
    assert.equal(firstInvalidByte(Buffer.from([0xc0, 0x80])), 0, "overlong encoding");
    assert.equal(firstInvalidByte(Buffer.from([0x61, 0xed, 0xa0, 0x80])), 1, "surrogate");
    assert.equal(firstInvalidByte(Buffer.from([0xf4, 0x90, 0x80, 0x80])), 0, "above U+10FFFF");
  });

  it("strips a BOM and refuses bad bytes with the offset", () => {
    assert.equal(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), "f"), "hi");
    const error = errorOf(() => decodeText(Buffer.from([0x68, 0x69, 0xfe]), "/x/f.md"));
    assert.equal(error.code, "KILN_UTF8_INVALID");
    assert.match(error.message, /byte offset 2/);
    assert.deepEqual(error.location, { file: "/x/f.md", line: 1, column: 3 });
  });
});

describe("front matter", () => {
  it("splits YAML from the body and knows the body's line", () => {
    const split = splitFrontMatter("---\ntitle: x\ntags: [a]\n---\n# Body\n", "f.md");
    assert.equal(split.data, "title: x\ntags: [a]\n");
    assert.equal(split.format, "yaml");
    assert.equal(split.body, "# Body\n");
    assert.equal(split.bodyLine, 5);
  });

  it("takes a file with no front matter as all body", () => {
    assert.deepEqual(splitFrontMatter("# Just text\n---\n", "f.md").data, undefined);
  });

  it("accepts CRLF line ends and an empty block", () => {
    assert.equal(splitFrontMatter("---\r\ntitle: x\r\n---\r\nbody", "f.md").body, "body");
    assert.equal(splitFrontMatter("---\n---\nbody", "f.md").data, "");
  });

  for (const language of ["js", "javascript", "coffee", "json5"]) {
    it(`refuses ---${language}`, () => {
      assert.equal(
        errorOf(() => splitFrontMatter(`---${language}\n1\n---\n`, "f.md")).code,
        "KILN_FRONTMATTER_LANGUAGE",
      );
    });
  }

  it("refuses front matter that never closes", () => {
    assert.equal(
      errorOf(() => splitFrontMatter("---\ntitle: x\n", "f.md")).code,
      "KILN_FRONTMATTER_UNCLOSED",
    );
  });
});

describe("entry data", () => {
  const md = (text: string) => parseEntry(Buffer.from(text), "/p/post.md");

  it("parses YAML front matter without turning dates or numbers-as-words into surprises", () => {
    const entry = md("---\ntitle: Hello\ndate: 2026-01-02\nyes: no\ncount: 3\n---\nbody\n");
    assert.deepEqual(entry.data, { title: "Hello", date: "2026-01-02", yes: "no", count: 3 });
    assert.equal(entry.body, "body\n");
  });

  it("points a YAML error at the file's line, not the block's", () => {
    const error = errorOf(() => md("---\ntitle: ok\nbad: [1, 2\n---\n"));
    assert.equal(error.code, "KILN_DATA_SYNTAX");
    assert.equal(error.location?.line, 4);
  });

  it("refuses duplicate keys", () => {
    assert.equal(
      errorOf(() => md("---\ntitle: a\ntitle: b\n---\n")).code,
      "KILN_DATA_KEY_DUPLICATE",
    );
  });

  it("refuses prototype keys, also through a merge key", () => {
    assert.equal(
      errorOf(() => md("---\n__proto__: {x: 1}\n---\n")).code,
      "KILN_DATA_KEY_FORBIDDEN",
    );
    const merge = "---\nbase: &b\n  constructor: {prototype: {x: 1}}\nuse:\n  <<: *b\n---\n";
    assert.equal(errorOf(() => md(merge)).code, "KILN_DATA_KEY_FORBIDDEN");
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  it("refuses prototype keys in JSON", () => {
    const error = errorOf(() =>
      parseEntry(Buffer.from('{"a": {"__proto__": {"x": 1}}}'), "/p/a.json"),
    );
    assert.equal(error.code, "KILN_DATA_KEY_FORBIDDEN");
  });

  it("locates a JSON syntax error", () => {
    const error = errorOf(() => parseEntry(Buffer.from('{\n  "a": 1,\n  "b": }\n'), "/p/a.json"));
    assert.equal(error.code, "KILN_DATA_SYNTAX");
    assert.equal(error.location?.line, 3);
  });

  it("requires a mapping", () => {
    assert.equal(
      errorOf(() => parseEntry(Buffer.from("- a\n- b\n"), "/p/a.yaml")).code,
      "KILN_DATA_NOT_OBJECT",
    );
  });
});
