import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Page } from "playwright-core";
import { CHROMIUM_FLAGS } from "./browser.js";

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/**
 * axe-core's violations on an opened page, one line each: rule, impact and the nodes'
 * selectors. axe is evaluated through the DevTools protocol, which the page's CSP does not
 * govern, so the page keeps its real policy.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
    const results = await axe.run();
    return results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  });
  return violations;
}

interface AxeResults {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

export const LIGHTHOUSE_CATEGORIES = [
  "performance",
  "accessibility",
  "best-practices",
  "seo",
] as const;

export interface LighthouseReport {
  /** Score (0–100) by category. */
  scores: Record<string, number>;
  /** The audits that lost points, with their score, for a readable assertion message. */
  failing: string[];
}

/**
 * Lighthouse's four categories for each URL, in Debian's Chromium with this machine's flags
 * and a fresh profile. Mobile emulation with simulated throttling, as Lighthouse defaults.
 */
export async function lighthouseReports(urls: readonly string[]): Promise<LighthouseReport[]> {
  const profile = await mkdtemp(path.join(tmpdir(), "kiln-lighthouse-"));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    userDataDir: profile,
    chromeFlags: [...CHROMIUM_FLAGS],
  });
  try {
    const reports: LighthouseReport[] = [];
    for (const url of urls) {
      // Lighthouse on a loaded machine now and then errs in one audit or loses a point of
      // performance: a second run settles it, and a real regression fails both.
      let report = await audit(url, chrome.port);
      if (!isPerfect(report)) {
        const again = await audit(url, chrome.port);
        report = {
          ...again,
          failing: [...again.failing, `(first run: ${report.failing.join("; ")})`],
        };
      }
      reports.push(report);
    }
    return reports;
  } finally {
    chrome.kill();
    await rm(profile, { recursive: true, force: true });
  }
}

function isPerfect(report: LighthouseReport): boolean {
  return Object.values(report.scores).every((score) => score === 100);
}

async function audit(url: string, port: number): Promise<LighthouseReport> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...LIGHTHOUSE_CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const scores = Object.fromEntries(
    LIGHTHOUSE_CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]),
  );
  const failing = Object.values(audits)
    .filter(
      (a) =>
        (a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative") ||
        a.scoreDisplayMode === "error",
    )
    .map((a) => `${a.id} ${a.score}: ${a.errorMessage ?? a.displayValue ?? a.title}`);
  if (result.lhr.runtimeError) failing.unshift(`runtime error: ${result.lhr.runtimeError.message}`);
  return { scores, failing };
}
