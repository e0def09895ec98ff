import { readFileSync } from "node:fs";
import path from "node:path";
import { checkLinks } from "./check-links.js";
import type { CheckSettings } from "./check-settings.js";
import { describeOwner, type Owner, type PageFact, type RuleId } from "./facts.js";
import { createOwnerLocator, type PageOrigin } from "./locate-owner.js";
import { accessibilityFacts } from "./page-a11y.js";

/** One HTML page of the build, with what it was made from. */
export interface CheckedPage extends PageOrigin {
  /** Relative to the output folder. */
  outputPath: string;
  url: string;
  /**
   * `checks: false` in the page's or its entry's front matter: the page's problems are not
   * reported. A function, asked only of pages with a problem: it may read the entry's file.
   */
  optOut: () => boolean;
}

/** One problem at its owner, once, with every page it was seen on. */
export interface OwnedProblem {
  rule: RuleId;
  check: "links" | "a11y";
  level: "error" | "warn";
  message: string;
  owner: Owner;
  /** Sorted URLs of the pages showing it. */
  pages: string[];
}

export interface RunChecksOptions {
  root: string;
  dir: string;
  pages: readonly CheckedPage[];
  settings: CheckSettings;
  base?: string | undefined;
}

/**
 * Every check of the built site, each page read once; each problem is placed at the file (or
 * remote entry) that owns it and reported once however many pages show it (a layout's broken
 * nav link is one problem, not one per page).
 */
export async function runChecks(options: RunChecksOptions): Promise<OwnedProblem[]> {
  const { settings } = options;
  const links = settings.enabled("links");
  const a11y = settings.enabled("a11y");
  if (!links && !a11y) return [];
  const checked = options.pages;
  const byPath = new Map(checked.map((page) => [page.outputPath, page]));
  const byUrl = new Map(checked.map((page) => [page.url, page]));
  const locate = createOwnerLocator(options.root);
  const groups = new Map<string, OwnedProblem>();
  const add = (page: CheckedPage, fact: PageFact, check: "links" | "a11y") => {
    if (page.optOut()) return;
    const owner = locate(fact, page);
    const level = settings.levelOf(fact.rule, owner);
    if (level === false) return;
    const key = `${describeOwner(owner)}\0${fact.rule}\0${fact.message}`;
    const group = groups.get(key);
    if (group) group.pages.push(page.url);
    else
      groups.set(key, {
        rule: fact.rule,
        check,
        level,
        message: fact.message,
        owner,
        pages: [page.url],
      });
  };
  const inspect = a11y
    ? (outputPath: string, html: string) => {
        const page = byPath.get(outputPath)!;
        if (settings.ignores("a11y", page.url)) return;
        for (const fact of accessibilityFacts(html)) add(page, fact, "a11y");
      }
    : undefined;
  if (links) {
    const broken = await checkLinks({
      dir: options.dir,
      pages: new Map(
        checked.map((page) => [page.outputPath, { url: page.url, source: undefined }]),
      ),
      inspect,
      base: options.base,
    });
    for (const { page: url, link, problem, rule } of broken) {
      if (settings.ignores("links", url) || settings.ignores("links", link)) continue;
      const page = byUrl.get(url)!;
      add(
        page,
        { rule, message: `the link "${link}" ${problem}`, element: link, needle: link },
        "links",
      );
    }
  } else {
    for (const page of checked)
      inspect!(page.outputPath, readFileSync(path.join(options.dir, page.outputPath), "utf8"));
  }
  const problems = [...groups.values()];
  for (const problem of problems) problem.pages.sort();
  return problems.sort((a, b) => compare(line(a), line(b)));
}

/** `src/layouts/Base.tsx:12: the link "/x/" leads to no file of the site [link-target]`. */
export function line(problem: OwnedProblem): string {
  const { pages } = problem;
  const where =
    pages.length === 1
      ? pages[0]
      : `on ${pages.length} pages: ${pages.slice(0, 3).join(", ")}${pages.length > 3 ? ", …" : ""}`;
  return `${describeOwner(problem.owner)}: ${problem.message} [${problem.rule}] (${where})`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
