import { readFileSync } from "node:fs";
import path from "node:path";
import {
  accessibilityProblems,
  checkLinks,
  checksFailed,
  linkProblems,
  reportProblems,
  type PageProblem,
} from "../checks/index.js";
import type { ResolvedConfig } from "../config/index.js";
import { KilnError, type ErrorDetails } from "../errors/index.js";
import type { RouteTable } from "../routes/index.js";
import { toPosix } from "../support/index.js";

/**
 * The checks the config asks for, over the complete staging folder, each page read once:
 * every problem of the build at once, of every check, in one error; an error leaves the
 * previous output in place (the caller discards staging).
 */
export async function checkOutput(options: {
  config: ResolvedConfig;
  root: string;
  table: RouteTable;
  dir: string;
  warn: (message: string) => void;
}): Promise<void> {
  const { links, a11y } = options.config.checks;
  if (!links && !a11y) return;
  const pages = new Map(
    options.table.routes
      .filter((route) => route.page.endpoint === undefined)
      .map((route) => [
        route.outputPath,
        { url: route.url, source: toPosix(path.relative(options.root, route.page.file)) },
      ]),
  );
  const found: PageProblem[] = [];
  const inspect = a11y
    ? (outputPath: string, html: string) => {
        const page = pages.get(outputPath)!;
        for (const problem of accessibilityProblems(html))
          found.push({ ...page, page: page.url, problem });
      }
    : undefined;
  const failed: (ErrorDetails | undefined)[] = [];
  if (links) {
    const broken = await checkLinks({
      dir: options.dir,
      pages,
      inspect,
      base: options.config.site.base,
    });
    failed.push(reportProblems("links", linkProblems(broken), links, options.warn));
  } else {
    for (const outputPath of pages.keys())
      inspect!(outputPath, readFileSync(path.join(options.dir, outputPath), "utf8"));
  }
  if (a11y) failed.push(reportProblems("a11y", found, a11y, options.warn));
  const error = checksFailed(failed.filter((details) => details !== undefined));
  if (error) throw new KilnError(error);
}
