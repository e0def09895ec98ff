/**
 * A render worker: rebuilds the content store from its snapshot, then renders one page per
 * message with the same `renderPage` the main thread uses, so output cannot depend on where
 * a page was rendered.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import type { ComponentType } from "preact";
import { restoreStore, setActiveStore, trackReads } from "../content/index.js";
import { configureMarkdown, setMarkdownPageUrls } from "../markdown/index.js";
import { DefaultLayout, renderPage } from "../render/index.js";
import {
  serializeError,
  type RenderTask,
  type WorkerInit,
  type WorkerReply,
} from "./render-task.js";

type AnyComponent = ComponentType<Record<string, unknown>>;

const init = workerData as WorkerInit;
process.setSourceMapsEnabled(init.sourceMaps);
setActiveStore(restoreStore(init.store));
configureMarkdown(init.markdown);
const pageUrls = new Map(init.pageUrls);
setMarkdownPageUrls((file) => pageUrls.get(file));

const components = new Map<string, AnyComponent>();

async function componentOf(module: string | undefined): Promise<AnyComponent> {
  if (module === undefined) return DefaultLayout as unknown as AnyComponent;
  let component = components.get(module);
  if (!component) {
    component = ((await import(module)) as { default: AnyComponent }).default;
    components.set(module, component);
  }
  return component;
}

// Messages are handled strictly one after another: one page renders at a time per worker,
// because preact-render-to-string keeps module-level state.
let queue = Promise.resolve();
parentPort!.on("message", (message: { id: number; task: RenderTask }) => {
  queue = queue.then(() => handle(message));
});

async function handle({ id, task }: { id: number; task: RenderTask }): Promise<void> {
  let reply: WorkerReply;
  try {
    const component = await componentOf(task.module);
    const { result: html, reads } = await trackReads(() =>
      renderPage({ ...task, component, islands: init.islands }),
    );
    mkdirSync(path.dirname(task.outFile), { recursive: true });
    writeFileSync(task.outFile, html);
    reply = { id, ok: true, page: { bytes: Buffer.byteLength(html), reads } };
  } catch (error) {
    reply = { id, ok: false, error: serializeError(error) };
  }
  parentPort!.postMessage(reply);
}
