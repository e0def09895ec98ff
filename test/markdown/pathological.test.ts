import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Worker } from "node:worker_threads";
import { PATHOLOGICAL_CASES } from "./pathological-cases.js";

/** A case that has not rendered by then is a hang: the worker is terminated, the test fails. */
const BUDGET_MS = 1000;

/** The worker is TypeScript: Node 20 refuses a `.ts` worker file, so register tsx, then import it. */
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => tsx.register())
  .then(() => import(${JSON.stringify(new URL("./pathological-worker.ts", import.meta.url).href)}));`;

type Message = { type: "ready" } | { type: "done"; html: string };

/** Renders case `index` in its own worker; resolves with the HTML or rejects on a hang. */
function renderInWorker(index: number): Promise<string> {
  const worker = new Worker(BOOTSTRAP, { eval: true });
  return new Promise<string>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    worker.on("error", reject);
    worker.on("message", (message: Message) => {
      if (message.type === "ready") {
        timer = setTimeout(() => {
          reject(new Error(`did not finish within the ${BUDGET_MS} ms budget`));
        }, BUDGET_MS);
        worker.postMessage("go");
      } else {
        clearTimeout(timer);
        resolve(message.html);
      }
    });
    worker.postMessage(index);
  }).finally(() => worker.terminate());
}

describe("pathological markdown renders within its budget", () => {
  PATHOLOGICAL_CASES.forEach((testCase, index) => {
    it(testCase.name, async () => {
      const html = await renderInWorker(index);
      if (testCase.expect) assert.match(html, testCase.expect);
      else assert.ok(html.length > 0);
    });
  });
});
