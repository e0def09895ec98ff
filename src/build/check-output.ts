import path from "node:path";
import { checkLinks, reportProblems } from "../checks/index.js";
import type { ResolvedConfig } from "../config/index.js";
import type { RouteTable } from "../routes/index.js";
import { toPosix } from "../support/index.js";

/**
 * The checks the config asks for, over the complete staging folder: every problem of the
 * build at once; an error leaves the previous output in place (the caller discards staging).
 */
export async function checkOutput(options: {
  config: ResolvedConfig;
  root: string;
  table: RouteTable;
  dir: string;
  warn: (message: string) => void;
}): Promise<void> {
  const mode = options.config.checks.links;
  if (!mode) return;
  const pages = new Map(
    options.table.routes
      .filter((route) => route.page.endpoint === undefined)
      .map((route) => [
        route.outputPath,
        { url: route.url, source: toPosix(path.relative(options.root, route.page.file)) },
      ]),
  );
  reportProblems(await checkLinks({ dir: options.dir, pages }), mode, options.warn);
}
