import { KilnError, catalog } from "../errors/index.js";
import type { BrokenLink } from "./check-links.js";

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
  if (broken.length === 0) return;
  const lines = [...broken]
    .sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : a.link < b.link ? -1 : 1))
    .map(
      ({ page, source, link, problem }) =>
        `${page}${source ? ` (${source})` : ""}: "${link}" ${problem}`,
    );
  if (mode === "warn") {
    for (const line of lines) warn(`broken link: ${line}`);
    return;
  }
  const listed = lines.slice(0, LISTED).map((line) => `  ${line}`);
  if (lines.length > LISTED) listed.push(`  … and ${lines.length - LISTED} more`);
  throw new KilnError(catalog.LinksBroken({ count: lines.length, list: listed.join("\n") }));
}
