import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, resolveRoot } from "../build/index.js";
import { KilnError, formatError, formatWarning } from "../errors/index.js";
import { typeCheck } from "./type-check.js";

export interface CheckCommand {
  root: string;
  debug: boolean;
  offline: boolean;
  /** "json": one object on stdout with every problem (the checks by owner, as in the report). */
  format?: "text" | "json" | undefined;
}

/**
 * `kiln check`: every problem of a project in one run. The types, by the project's own
 * `tsc --noEmit`, run beside a cold build into a temporary folder, which is what checks the
 * rest: the config, every entry against its collection's schema (all of them, not the first),
 * then rendering and the built site's link and accessibility checks (`checks` in the config).
 * The project's output folder and incremental cache are not touched.
 */
export async function runCheck(command: CheckCommand): Promise<number> {
  const root = resolveRoot(command.root);
  const temp = await mkdtemp(path.join(tmpdir(), "kiln-check-"));
  // A report left by an earlier build must not pass for this one's (its checks may not run).
  await rm(path.join(root, ".kiln", "reports", "checks.json"), { force: true });
  const content: KilnError[] = [];
  const site: unknown[] = [];
  try {
    const [types] = await Promise.all([
      typeCheck(root),
      build({
        root,
        outDir: path.join(temp, "dist"),
        cold: true,
        offline: command.offline,
        onInvalidEntry: (error) => void content.push(error),
        logger: {
          info: () => {},
          warn: (message) =>
            command.format === "json" ? undefined : process.stderr.write(formatWarning(message)),
        },
      }).catch((error: unknown) => void site.push(error)),
    ]);
    const print = (error: unknown) =>
      process.stderr.write(`${formatError(error, { debug: command.debug, cwd: process.cwd() })}\n`);
    const missing = types?.find((error) => error.code === "KILN_TYPESCRIPT_MISSING");
    const typeErrors = missing ? [] : (types ?? []);
    if (command.format === "json") {
      const count = typeErrors.length + content.length + site.length;
      const problems = [...typeErrors, ...content, ...site].map(describeProblem);
      process.stdout.write(
        `${JSON.stringify({ ok: count === 0, problems, checks: await readReport(root) }, null, 2)}\n`,
      );
      return count === 0 ? 0 : 1;
    }
    for (const problem of [...typeErrors, ...content, ...site]) print(problem);
    if (missing) process.stderr.write(formatWarning(`${missing.message} ${missing.hint ?? ""}`));
    const count = typeErrors.length + content.length + site.length;
    const checked = [
      types === undefined
        ? "types not checked (no tsconfig.json)"
        : missing
          ? "types not checked"
          : `${plural(typeErrors.length, "type error")}`,
      `${plural(content.length, "invalid entry", "invalid entries")}`,
      site.length === 0 ? "the site builds and its checks pass" : "the site has problems (above)",
    ];
    // Warnings are not problems (exit 0), but "no problems" above a page of them misleads.
    const warnings = ((await readReport(root)) as { warnings?: number } | undefined)?.warnings;
    if (warnings) checked.push(`${plural(warnings, "check warning")} (above)`);
    process.stdout.write(
      `kiln check: ${count === 0 ? "no problems" : plural(count, "problem")}: ${checked.join(", ")}.\n`,
    );
    return count === 0 ? 0 : 1;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** An error as CI tools take it: code, message and where. */
function describeProblem(error: unknown): Record<string, unknown> {
  if (KilnError.is(error)) {
    return { code: error.code, message: error.message, hint: error.hint, ...error.location };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The build's `.kiln/reports/checks.json`: the link and accessibility problems by owner. */
async function readReport(root: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.join(root, ".kiln", "reports", "checks.json"), "utf8"));
  } catch {
    return undefined;
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
