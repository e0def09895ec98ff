export { checkLinks, type BrokenLink, type CheckLinksOptions } from "./check-links.js";
export { pageLinks, type PageLinks } from "./page-links.js";
export { reportProblems } from "./report.js";
