export { checkLinks, type BrokenLink, type CheckLinksOptions } from "./check-links.js";
export { pageLinks, type PageLinks } from "./page-links.js";
export { accessibilityFacts, accessibilityProblems } from "./page-a11y.js";
export {
  RULES,
  describeOwner,
  type LocatedFact,
  type Owner,
  type PageFact,
  type RuleId,
} from "./facts.js";
export { resolveCheckSettings, type ChecksConfig, type CheckSettings } from "./check-settings.js";
export { runChecks, type CheckedPage, type OwnedProblem } from "./run-checks.js";
export type { EntryLike } from "./locate-owner.js";
export { checksFailed, createChecksReport, reportProblems, type ChecksReport } from "./report.js";
export { renderChecksPage } from "./report-page.js";
