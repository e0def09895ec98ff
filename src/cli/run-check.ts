import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, resolveRoot } from "../build/index.js";
import { formatError, formatWarning, type KilnError } from "../errors/index.js";
import { typeCheck } from "./type-check.js";

export interface CheckCommand {
  root: string;
  debug: boolean;
  offline: boolean;
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
          warn: (message) => process.stderr.write(formatWarning(message)),
        },
      }).catch((error: unknown) => void site.push(error)),
    ]);
    const print = (error: unknown) =>
      process.stderr.write(`${formatError(error, { debug: command.debug, cwd: process.cwd() })}\n`);
    const missing = types?.find((error) => error.code === "KILN_TYPESCRIPT_MISSING");
    const typeErrors = missing ? [] : (types ?? []);
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
    process.stdout.write(
      `kiln check: ${count === 0 ? "no problems" : plural(count, "problem")}: ${checked.join(", ")}.\n`,
    );
    return count === 0 ? 0 : 1;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
