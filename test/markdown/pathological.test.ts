import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Worker } from "node:worker_threads";
import { PATHOLOGICAL_CASES } from "./pathological-cases.js";

/** Each case may use this much CPU time to render. */
const BUDGET_MS = 1000;
/** A case that has not rendered by then, in wall time, is a hang: the worker is terminated. */
const HANG_MS = 30_000;

/** The worker is TypeScript: Node 20 refuses a `.ts` worker file, so register tsx, then import it. */
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => tsx.register())
  .then(() => import(${JSON.stringify(new URL("./pathological-worker.ts", import.meta.url).href)}));`;

type Rendered = { html: string; code: string | undefined; cpuMs: number };
type Message = { type: "ready" } | ({ type: "done" } & Rendered);

/** Renders case `index` in its own worker; resolves with the HTML and CPU time, or rejects on a hang. */
function renderInWorker(index: number): Promise<Rendered> {
  const worker = new Worker(BOOTSTRAP, { eval: true });
  return new Promise<Rendered>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    worker.on("error", reject);
    worker.on("message", (message: Message) => {
      if (message.type === "ready") {
        timer = setTimeout(() => {
          reject(new Error(`hung: did not finish within ${HANG_MS} ms`));
        }, HANG_MS);
        worker.postMessage("go");
      } else {
        clearTimeout(timer);
        resolve(message);
      }
    });
    worker.postMessage(index);
  }).finally(() => worker.terminate());
}

describe("pathological markdown renders within its budget", () => {
  PATHOLOGICAL_CASES.forEach((testCase, index) => {
    it(testCase.name, async () => {
      const { html, code, cpuMs } = await renderInWorker(index);
      assert.ok(
        cpuMs <= BUDGET_MS,
        `took ${cpuMs.toFixed(0)} ms of CPU, over the ${BUDGET_MS} ms budget`,
      );
      assert.equal(code, testCase.error);
      if (testCase.error) return;
      if (testCase.expect) assert.match(html, testCase.expect);
      else assert.ok(html.length > 0);
    });
  });
});
