import { Worker } from "node:worker_threads";
import { KilnError, catalog } from "../errors/index.js";
import { settleWithin, timeLimitSeconds } from "../support/index.js";

// CommonJS, as `eval` workers are: imports the compiled config and awaits its default export.
const PROBE = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.url)
  .then((module) => module.default)
  .then(() => parentPort.postMessage("loaded"), () => parentPort.postMessage("failed"));
`;

/**
 * Runs the compiled config once in a worker thread before the main thread imports it: a
 * config that loops at import blocks only that thread, so Ctrl-C and TERM still work (the
 * worker is terminated) and the time limit can name the config. What the config throws is
 * left for the main thread's own import to report, as before.
 */
export async function probeConfig(
  url: string,
  file: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  const seconds = timeLimitSeconds();
  const worker = new Worker(PROBE, { eval: true, workerData: { url }, stdout: true, stderr: true });
  const outcome = new Promise<"loaded" | "failed" | "never">((resolve) => {
    worker.once("message", resolve);
    worker.once("error", () => resolve("failed"));
    // Exiting without a word: its event loop ran dry while the config awaited something.
    worker.once("exit", () => resolve("never"));
  });
  try {
    const result = await settleWithin(outcome, {
      limitMs: seconds * 1000,
      signal,
      onLimit: (why) => new KilnError(catalog.ConfigTimedOut({ why, seconds }), { file }),
      onGiveUp: () => void worker.terminate(),
    });
    if (result === "never")
      throw new KilnError(catalog.ConfigTimedOut({ why: "never", seconds }), { file });
  } finally {
    await worker.terminate();
  }
}
