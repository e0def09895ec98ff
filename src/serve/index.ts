export { startServer, type RunningServer } from "./start-server.js";
export { createStaticHandler } from "./static-handler.js";
export { resolveRequest, type RequestTarget } from "./resolve-request.js";
