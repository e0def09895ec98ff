export {
  startDevServer,
  type DevServerOptions,
  type RunningDevServer,
} from "./start-dev-server.js";
export { parseHostHeader, checkHost, isAllowedOrigin, createHostAllowlist } from "./host-check.js";
export { renderErrorPage } from "./error-page.js";
