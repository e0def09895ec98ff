export { createRenderPool, type RenderPool } from "./render-pool.js";
export type { RenderTask, RenderedPage, WorkerInit } from "./render-task.js";
