import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  checksFailed,
  createChecksReport,
  reportProblems,
  resolveCheckSettings,
  runChecks,
  type CheckedPage,
  type EntryLike,
} from "../checks/index.js";
import type { ResolvedConfig } from "../config/index.js";
import { KilnError } from "../errors/index.js";
import type { Route, RouteTable } from "../routes/index.js";

/**
 * The checks the config asks for, over the complete staging folder, each page read once:
 * every problem of the build at once, of every check, in one error; an error leaves the
 * previous output in place (the caller discards staging). Every build also writes
 * `.kiln/reports/checks.json`, the problems by owner, for the content team and for CI.
 */
export async function checkOutput(options: {
  config: ResolvedConfig;
  root: string;
  table: RouteTable;
  dir: string;
  warn: (message: string) => void;
}): Promise<void> {
  const settings = resolveCheckSettings(options.config.checks);
  const pages: CheckedPage[] = options.table.routes
    .filter((route) => route.page.endpoint === undefined)
    .map((route) => {
      const entries = entriesOf(route);
      return {
        outputPath: route.outputPath,
        url: route.url,
        file: route.page.file,
        entries,
        optOut: once(() => route.data["checks"] === false || entries.some(optsOut)),
      };
    });
  const problems = await runChecks({
    root: options.root,
    dir: options.dir,
    pages,
    settings,
    base: options.config.site.base,
  });
  const reports = path.join(options.root, ".kiln", "reports");
  mkdirSync(reports, { recursive: true });
  writeFileSync(
    path.join(reports, "checks.json"),
    `${JSON.stringify(createChecksReport(problems), null, 2)}\n`,
  );
  const error = checksFailed(reportProblems(problems, options.warn));
  if (error) throw new KilnError(error);
}

/** The content entries a route renders: its props that are entries (`{ post }`). */
function entriesOf(route: Route): EntryLike[] {
  return Object.values(route.props).filter(isEntry);
}

function isEntry(value: unknown): value is EntryLike {
  if (typeof value !== "object" || value === null) return false;
  const origin = (value as { origin?: unknown }).origin;
  return (
    typeof (value as { collection?: unknown }).collection === "string" &&
    typeof origin === "object" &&
    origin !== null &&
    ("file" in origin || "url" in origin)
  );
}

function once(ask: () => boolean): () => boolean {
  let answer: boolean | undefined;
  return () => (answer ??= ask());
}

/**
 * `checks: false` in an entry's front matter. Read from the file as well as the data, since a
 * collection's schema strips keys it does not name.
 */
function optsOut(entry: EntryLike): boolean {
  const data = entry.data as Record<string, unknown> | null;
  if (data !== null && typeof data === "object" && data["checks"] === false) return true;
  if (!("file" in entry.origin)) return false;
  try {
    const head = readFileSync(entry.origin.file, "utf8").split("\n", entry.origin.bodyLine);
    return head.some((line) => /^checks:\s*false\s*$/.test(line));
  } catch {
    return false;
  }
}
