import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createProgressLine } from "../../src/cli/progress-line.js";

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { isTTY, written, write: (chunk: string) => written.push(chunk) > 0 };
};

describe("progress line", () => {
  it("shows pages rendered of total and elapsed time on a terminal, then clears", () => {
    const out = stream(true);
    const line = createProgressLine(out, {});
    line.update({ stage: "render", done: 3, total: 3 });
    line.clear();
    const [first = ""] = out.written;
    assert.ok(first.startsWith("\r\x1b[2Krender 3/3 pages · "), JSON.stringify(first));
    assert.match(first, /· \d+\.\ds$/);
    assert.equal(out.written.at(-1), "\r\x1b[2K");
  });

  it("prints nothing in CI or a pipe", () => {
    for (const [out, env] of [
      [stream(false), {}],
      [stream(true), { CI: "true" }],
    ] as const) {
      const line = createProgressLine(out, env);
      line.update({ stage: "render", done: 1, total: 1 });
      line.clear();
      assert.deepEqual(out.written, []);
    }
  });
});
