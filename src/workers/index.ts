export { createRenderPool, type RenderPool } from "./render-pool.js";
export {
  reviveError,
  serializeError,
  type RenderTask,
  type SerializedError,
  type WrittenPage,
  type WorkerInit,
} from "./render-task.js";
