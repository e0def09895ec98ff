export {
  startDevServer,
  type DevServerOptions,
  type RunningDevServer,
} from "./start-dev-server.js";
export { renderErrorPage } from "./error-page.js";
