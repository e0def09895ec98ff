export { startServer, type RunningServer, type ServeOptions } from "./start-server.js";
export { createStaticHandler } from "./static-handler.js";
export { underBase, type BaseTarget } from "./base-path.js";
export { resolveRequest, type RequestTarget } from "./resolve-request.js";
export { findStaticFile, type StaticFile } from "./static-files.js";
export { sendBody, sendFile, sendText, redirectToSlash, contentTypeOf } from "./respond.js";
export {
  parseHostHeader,
  checkHost,
  hostHeaderOf,
  isAllowedOrigin,
  createHostAllowlist,
} from "./host-check.js";
