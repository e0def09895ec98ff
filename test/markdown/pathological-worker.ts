import { parentPort } from "node:worker_threads";
import { KilnError } from "../../src/errors/index.js";
import { createMarkdownRenderer } from "../../src/markdown/index.js";
import { PATHOLOGICAL_CASES } from "./pathological-cases.js";

/**
 * Renders one pathological case on request. The input is built and the renderer warmed up
 * before "ready", so the parent's budget covers the render alone.
 */
const port = parentPort!;
const renderer = createMarkdownRenderer({ html: true, headingAnchors: true });
renderer.render("# Warm *up*\n\n- [link](x.md) `code` www.example.com\n\n> quote\n");

port.once("message", (index: number) => {
  const input = PATHOLOGICAL_CASES[index]!.input();
  port.postMessage({ type: "ready" });
  port.once("message", () => {
    // CPU time, not wall time: the machine is shared, and a busy neighbour must not fail
    // the test. Nothing else runs in this test process while the worker renders.
    const before = process.cpuUsage();
    let html = "";
    let code: string | undefined;
    try {
      html = renderer.render(input).html;
    } catch (error) {
      // A coded error is an answer too (nesting past the limit); anything else is a failure.
      if (!KilnError.is(error)) throw error;
      code = error.code;
    }
    const used = process.cpuUsage(before);
    port.postMessage({ type: "done", html, code, cpuMs: (used.user + used.system) / 1000 });
  });
});
