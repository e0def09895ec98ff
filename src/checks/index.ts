export { checkLinks, type BrokenLink, type CheckLinksOptions } from "./check-links.js";
export { pageLinks, type PageLinks } from "./page-links.js";
export { accessibilityProblems } from "./page-a11y.js";
export { checksFailed, linkProblems, reportProblems, type PageProblem } from "./report.js";
