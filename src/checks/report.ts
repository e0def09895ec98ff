import { KilnError, catalog } from "../errors/index.js";
import type { BrokenLink } from "./check-links.js";

/** A problem of one page: where it is, and what. */
export interface PageProblem {
  page: string;
  source: string | undefined;
  problem: string;
}

/** At most this many problems are listed; the count covers them all. */
const LISTED = 50;

/**
 * All the broken links of one build, in one message ("error": the build fails with the
 * previous output untouched) or one warning each ("warn").
 */
export function reportProblems(
  broken: readonly BrokenLink[],
  mode: "error" | "warn",
  warn: (message: string) => void,
): void {
  const problems = broken.map(({ page, source, link, problem }) => ({
    page,
    source,
    problem: `"${link}" ${problem}`,
  }));
  report(problems, mode, warn, "broken link", (count, list) =>
    catalog.LinksBroken({ count, list }),
  );
}

/** All the accessibility problems of one build, reported as `reportProblems` reports links. */
export function reportAccessibility(
  problems: readonly PageProblem[],
  mode: "error" | "warn",
  warn: (message: string) => void,
): void {
  report(problems, mode, warn, "accessibility", (count, list) =>
    catalog.AccessibilityProblems({ count, list }),
  );
}

function report(
  problems: readonly PageProblem[],
  mode: "error" | "warn",
  warn: (message: string) => void,
  label: string,
  error: (count: number, list: string) => ReturnType<typeof catalog.LinksBroken>,
): void {
  if (problems.length === 0) return;
  const lines = problems
    .map(({ page, source, problem }) => `${page}${source ? ` (${source})` : ""}: ${problem}`)
    .sort();
  if (mode === "warn") {
    for (const line of lines) warn(`${label}: ${line}`);
    return;
  }
  const listed = lines.slice(0, LISTED).map((line) => `  ${line}`);
  if (lines.length > LISTED) listed.push(`  … and ${lines.length - LISTED} more`);
  throw new KilnError(error(lines.length, listed.join("\n")));
}
