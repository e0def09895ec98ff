import { Worker } from "node:worker_threads";
import {
  reviveError,
  type RenderTask,
  type WrittenPage,
  type WorkerInit,
  type WorkerReply,
} from "./render-task.js";

/** A fixed set of render workers; each renders the pages it is sent one at a time, in order. */
export interface RenderPool {
  readonly size: number;
  /** Rejects with the page's own error (a KilnError stays one), or when the task cannot be cloned. */
  render(task: RenderTask): Promise<WrittenPage>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (page: WrittenPage) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

// The worker is compiled beside this file: .js from lib/, .ts when Kiln runs from source.
const ownExtension = import.meta.url.slice(import.meta.url.lastIndexOf("."));
const workerUrl = new URL(`./render-worker${ownExtension}`, import.meta.url);

/** Throws (DataCloneError) when `init` cannot be sent to a worker; callers then render in-process. */
export function createRenderPool(size: number, init: WorkerInit): RenderPool {
  const slots: Slot[] = [];
  let nextId = 0;
  const fail = (slot: Slot, error: unknown) => {
    for (const pending of slot.pending.values()) pending.reject(error);
    slot.pending.clear();
  };
  for (let i = 0; i < size; i++) {
    const slot: Slot = { worker: new Worker(workerUrl, { workerData: init }), pending: new Map() };
    slot.worker.on("message", (reply: WorkerReply) => {
      const pending = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.page);
      else pending?.reject(reviveError(reply.error));
    });
    slot.worker.on("error", (error) => fail(slot, error));
    slot.worker.on("exit", (code) => fail(slot, new Error(`A render worker exited (${code}).`)));
    slots.push(slot);
  }
  return {
    size,
    render(task) {
      // The least busy worker; ties go to the first, which keeps the spread predictable.
      const slot = slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
      const id = nextId++;
      return new Promise<WrittenPage>((resolve, reject) => {
        slot.worker.postMessage({ id, task });
        slot.pending.set(id, { resolve, reject });
      });
    },
    async close() {
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
