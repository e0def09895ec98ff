import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { h } from "preact";
import { KilnError } from "../../src/errors/index.js";
import { serializeIslandProps } from "../../src/render/index.js";

const HOSTILE = [
  "</script><script>alert(1)</script>",
  "<!--",
  "-->",
  '"><img src=x onerror=alert(1)>',
  "&quot;&amp;",
  "\u2028\u2029",
  "</kiln-island>",
];

describe("serializeIslandProps", () => {
  it("round-trips hostile strings without a raw <, > or &", () => {
    const props = { texts: HOSTILE, nested: { "</script>": "<!--", list: [1, true, null] } };
    const json = serializeIslandProps(props, "Echo");
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), props);
  });

  it("drops undefined object values as JSON does", () => {
    assert.equal(serializeIslandProps({ a: 1, b: undefined }, "X"), '{"a":1}');
  });

  for (const [name, props, found] of [
    ["a function", { onClick: () => {} }, /function in props\.onClick/],
    ["a Date", { when: new Date(0) }, /a Date instance in props\.when/],
    ["a JSX element", { icon: h("span", null) }, /a JSX element in props\.icon/],
    ["NaN", { list: [1, Number.NaN] }, /NaN in props\.list\[1\]/],
    ["a bigint", { big: 1n }, /bigint in props\.big/],
  ] as const) {
    it(`rejects ${name}, naming the prop`, () => {
      assert.throws(
        () => serializeIslandProps(props, "Echo"),
        (error: unknown) =>
          KilnError.is(error) && error.code === "KILN_ISLAND_PROPS" && found.test(error.message),
      );
    });
  }

  it("rejects a circular reference", () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    assert.throws(() => serializeIslandProps({ loop }, "Echo"), /circular reference/);
  });
});
