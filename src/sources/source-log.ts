import type { SourceLogger } from "../content/index.js";
import type { HttpClient } from "./http-client.js";

/** One line per source: requests done of total, and how many the cache answered. */
export function logSourceDone(logger: SourceLogger, name: string, client: HttpClient): void {
  const { requests, done, fromCache } = client.stats;
  logger.info(`${name}: ${done}/${requests} requests, ${fromCache} from cache`);
}
