import type { ChecksReport } from "./report.js";

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * `/_kiln/checks` in `kiln dev`: the last build's report as a page for the content team, one
 * section per owner (a file, or a CMS entry with its edit link).
 */
export function renderChecksPage(report: ChecksReport | undefined): string {
  const body =
    report === undefined
      ? "<p>No report yet: run <code>kiln build</code> (or <code>kiln check</code>) once.</p>"
      : `<p>${report.errors} errors, ${report.warnings} warnings in the last build.</p>` +
        report.owners
          .map((owner) => {
            const edit = owner.source?.editUrl
              ? ` <a href="${escape(owner.source.editUrl)}">edit</a>`
              : "";
            const items = owner.problems
              .map(
                (problem) =>
                  `<li><strong>${escape(problem.level)}</strong> <code>${escape(problem.rule)}</code>` +
                  `${problem.line ? ` line ${problem.line}` : ""}: ${escape(problem.message)} ` +
                  `(${problem.pages.length === 1 ? "" : `${problem.pages.length} pages: `}${problem.pages
                    .slice(0, 3)
                    .map((page) => `<a href="${escape(page)}">${escape(page)}</a>`)
                    .join(", ")})</li>`,
              )
              .join("");
            return `<section><h2>${escape(owner.owner)}${edit}</h2><ul>${items}</ul></section>`;
          })
          .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kiln checks</title></head><body><h1>Checks</h1>${body}</body></html>`;
}
