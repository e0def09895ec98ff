import { catalog, type ErrorDetails } from "../errors/index.js";
import type { BrokenLink } from "./check-links.js";

/** A problem of one page: where it is, and what. */
export interface PageProblem {
  page: string;
  source: string | undefined;
  problem: string;
}

/** At most this many problems of a kind are listed; the count covers them all. */
const LISTED = 50;

/** The broken links as page problems: the link and what is wrong with it. */
export function linkProblems(broken: readonly BrokenLink[]): PageProblem[] {
  return broken.map(({ page, source, link, problem }) => ({
    page,
    source,
    problem: `"${link}" ${problem}`,
  }));
}

const KINDS = {
  links: { label: "broken link", error: catalog.LinksBroken },
  a11y: { label: "accessibility", error: catalog.AccessibilityProblems },
} as const;

/**
 * All the problems of one kind in a build: with "warn", one warning each and nothing
 * returned; with "error", the one error that lists them (sorted by page), for the caller to
 * throw with the other kinds' so a build reports every failed check at once.
 */
export function reportProblems(
  kind: keyof typeof KINDS,
  problems: readonly PageProblem[],
  mode: "error" | "warn",
  warn: (message: string) => void,
): ErrorDetails | undefined {
  if (problems.length === 0) return undefined;
  const lines = problems
    .map(({ page, source, problem }) => `${page}${source ? ` (${source})` : ""}: ${problem}`)
    .sort();
  if (mode === "warn") {
    for (const line of lines) warn(`${KINDS[kind].label}: ${line}`);
    return undefined;
  }
  const listed = lines.slice(0, LISTED).map((line) => `  ${line}`);
  if (lines.length > LISTED) listed.push(`  … and ${lines.length - LISTED} more`);
  return KINDS[kind].error({ count: lines.length, list: listed.join("\n") });
}

/** One error for the failed checks of a build: the check's own when only one failed. */
export function checksFailed(failed: readonly ErrorDetails[]): ErrorDetails | undefined {
  if (failed.length <= 1) return failed[0];
  return catalog.ChecksFailed({
    reports: failed.map((details) => `${details.code}: ${details.message}`).join("\n\n"),
  });
}
