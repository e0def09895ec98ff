/**
 * A render worker: makes the site runtime from the main thread's description, then renders
 * one page per message with the same `renderPageInSite` the main thread uses, so output
 * cannot depend on where a page was rendered.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import type { ComponentType } from "preact";
import { restoreStore } from "../content/index.js";
import { DefaultLayout } from "../render/index.js";
import { importCompiled } from "../compile/index.js";
import { createSiteRuntime, renderPageInSite, writePageAssets } from "../runtime/index.js";
import { sha256 } from "../support/index.js";
import {
  serializeError,
  type RenderTask,
  type WorkerInit,
  type WorkerReply,
} from "./render-task.js";

type AnyComponent = ComponentType<Record<string, unknown>>;

const init = workerData as WorkerInit;
process.setSourceMapsEnabled(init.sourceMaps);

async function start(): Promise<void> {
  const warnings: string[] = [];
  const runtime = await createSiteRuntime(restoreStore(init.store), init.runtime, (message) =>
    warnings.push(message),
  );
  const components = new Map<string, AnyComponent>();
  const componentOf = async (module: string | undefined, file: string): Promise<AnyComponent> => {
    if (module === undefined) return DefaultLayout as unknown as AnyComponent;
    let component = components.get(module);
    if (!component) {
      const folders = init.runtime.pages ? [init.runtime.pages] : [];
      component = (await importCompiled<{ default: AnyComponent }>(module, file, folders)).default;
      components.set(module, component);
    }
    return component;
  };
  const writtenAssets = new Set<string>();
  // Most pages are a folder of their own whose parent exists: a plain mkdir, not mkdir -p
  // (which stats its way down from the root), and none at all for a folder made before.
  const madeFolders = new Set<string>();
  const makeFolder = (folder: string) => {
    if (madeFolders.has(folder)) return;
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") mkdirSync(folder, { recursive: true });
      else if (code !== "EEXIST") throw error;
    }
    madeFolders.add(folder);
  };

  const handle = async ({ id, task }: { id: number; task: RenderTask }): Promise<void> => {
    let reply: WorkerReply;
    try {
      const component = await componentOf(task.module, task.file);
      const page = await renderPageInSite(runtime, {
        ...task,
        component,
        islands: init.islands,
      });
      makeFolder(path.dirname(task.outFile));
      writeFileSync(task.outFile, page.html);
      const wrote = writePageAssets(task.outDir, page.assets, writtenAssets);
      reply = {
        id,
        ok: true,
        page: {
          bytes: Buffer.byteLength(page.html) + wrote.bytes,
          digest: sha256(page.html),
          reads: page.reads,
          assets: [...page.assets.keys()],
          wroteAssets: wrote.files.length,
          warnings: warnings.splice(0),
          problems: page.problems.map(serializeError),
        },
      };
    } catch (error) {
      warnings.length = 0;
      reply = { id, ok: false, error: serializeError(error) };
    }
    parentPort!.postMessage(reply);
  };

  // Messages are handled strictly one after another: one page renders at a time per worker,
  // because preact-render-to-string keeps module-level state.
  let queue = Promise.resolve();
  parentPort!.on("message", (message: { id: number; task: RenderTask }) => {
    queue = queue.then(() => handle(message));
  });
}

// Messages that arrive while the runtime is made wait in the port's queue: the listener is
// added once it is ready. A runtime that cannot be made (a compiled module deleted with .kiln/,
// a config that throws here) answers every page with its error, which keeps its code: a
// worker that died instead would reach the user as an uncoded, internal error.
try {
  await start();
} catch (error) {
  const serialized = serializeError(error);
  parentPort!.on("message", ({ id }: { id: number }) =>
    parentPort!.postMessage({ id, ok: false, error: serialized } satisfies WorkerReply),
  );
}
