import { catalog, type ErrorDetails } from "../errors/index.js";
import { describeOwner } from "./facts.js";
import { line, type OwnedProblem } from "./run-checks.js";

/** At most this many problems of a kind are listed in the error; the report has them all. */
const LISTED = 200;

const KINDS = {
  links: catalog.LinksBroken,
  a11y: catalog.AccessibilityProblems,
} as const;

/**
 * All the problems of a build: one warning per "warn" problem, and for the "error" ones one
 * error per check listing them (the caller throws them together, so a build reports every
 * failed check at once). Each problem is one line at its owner, whatever the page count.
 */
export function reportProblems(
  problems: readonly OwnedProblem[],
  warn: (message: string) => void,
): ErrorDetails[] {
  for (const problem of problems)
    if (problem.level === "warn") warn(`${label(problem)}: ${line(problem)}`);
  const failed: ErrorDetails[] = [];
  for (const check of ["links", "a11y"] as const) {
    const lines = problems
      .filter((problem) => problem.level === "error" && problem.check === check)
      .map(line);
    if (lines.length === 0) continue;
    const listed = lines.slice(0, LISTED).map((text) => `  ${text}`);
    if (lines.length > LISTED)
      listed.push(`  … and ${lines.length - LISTED} more (.kiln/reports/checks.json has them all)`);
    failed.push(KINDS[check]({ count: lines.length, list: listed.join("\n") }));
  }
  return failed;
}

function label(problem: OwnedProblem): string {
  if (problem.owner.kind === "remote") return "content from a source";
  return problem.check === "links" ? "broken link" : "accessibility";
}

/** One error for the failed checks of a build: the check's own when only one failed. */
export function checksFailed(failed: readonly ErrorDetails[]): ErrorDetails | undefined {
  if (failed.length <= 1) return failed[0];
  return catalog.ChecksFailed({
    reports: failed.map((details) => `${details.code}: ${details.message}`).join("\n\n"),
  });
}

/** `.kiln/reports/checks.json`: the problems grouped by their owner, for people and for CI. */
export interface ChecksReport {
  version: 1;
  errors: number;
  warnings: number;
  owners: {
    /** `file:line`, or the remote entry described. */
    owner: string;
    file?: string | undefined;
    source?: { collection: string; id: string; url: string; editUrl?: string | undefined };
    problems: {
      rule: string;
      level: string;
      message: string;
      line?: number | undefined;
      pages: string[];
    }[];
  }[];
}

export function createChecksReport(problems: readonly OwnedProblem[]): ChecksReport {
  const owners = new Map<string, ChecksReport["owners"][number]>();
  for (const problem of problems) {
    const key = problem.owner.kind === "file" ? problem.owner.file : describeOwner(problem.owner);
    let group = owners.get(key);
    if (!group) {
      const { owner } = problem;
      group =
        owner.kind === "file"
          ? { owner: key, file: owner.file, problems: [] }
          : {
              owner: key,
              source: {
                collection: owner.collection,
                id: owner.id,
                url: owner.url,
                editUrl: owner.editUrl,
              },
              problems: [],
            };
      owners.set(key, group);
    }
    group.problems.push({
      rule: problem.rule,
      level: problem.level,
      message: problem.message,
      line: problem.owner.kind === "file" ? problem.owner.line : undefined,
      pages: problem.pages,
    });
  }
  return {
    version: 1,
    errors: problems.filter((problem) => problem.level === "error").length,
    warnings: problems.filter((problem) => problem.level === "warn").length,
    owners: [...owners.values()],
  };
}
