import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detachStrings } from "../../src/content/index.js";

describe("detachStrings", () => {
  it("copies front matter exactly, keeping null prototypes, dates and odd strings", () => {
    const data = Object.assign(Object.create(null) as Record<string, unknown>, {
      title: "A title long enough to be a sliced string",
      lone: "a lone surrogate \ud800 stays as it was",
      date: new Date("2024-05-01T00:00:00Z"),
      tags: ["short", "a tag that is longer than twelve"],
      nested: Object.assign(Object.create(null) as Record<string, unknown>, { n: 1, ok: true }),
      empty: null,
    });
    const copy = detachStrings(data);
    assert.notEqual(copy, data);
    assert.deepEqual(copy, data);
    assert.equal(Object.getPrototypeOf(copy), null);
    assert.equal(Object.getPrototypeOf(copy.nested), null);
    assert.equal(copy.lone, data.lone);
    assert.equal(copy.date, data.date, "a Date is kept, not copied into a plain object");
  });
});
