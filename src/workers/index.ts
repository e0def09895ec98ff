export { createRenderPool, type RenderPool } from "./render-pool.js";
export type { RenderTask, WrittenPage, WorkerInit } from "./render-task.js";
