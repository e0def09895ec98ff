import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { KilnError, catalog } from "../errors/index.js";

/**
 * `tsc --noEmit` over a project, with the project's own tsconfig.json and the `typescript` it
 * installed (Kiln ships none: the project's version is the one its editor shows). Each
 * diagnostic becomes a KilnError at its file, line and column. Undefined when the project has
 * no tsconfig.json; a TypeScriptMissing error when it has one but no `typescript`.
 */
export async function typeCheck(root: string): Promise<KilnError[] | undefined> {
  const tsconfig = path.join(root, "tsconfig.json");
  if (!existsSync(tsconfig)) return undefined;
  let tsc: string;
  try {
    const manifest = createRequire(path.join(root, "package.json")).resolve(
      "typescript/package.json",
    );
    tsc = path.join(path.dirname(manifest), "bin", "tsc");
  } catch {
    return [new KilnError(catalog.TypeScriptMissing({ root }), { file: tsconfig })];
  }
  const { code, stdout, stderr } = await run(root, process.execPath, [
    tsc,
    "--noEmit",
    "--pretty",
    "false",
    "-p",
    tsconfig,
  ]);
  const problems = parseDiagnostics(stdout, root);
  if (code !== 0 && problems.length === 0) {
    const reason = (stderr || stdout).trim() || `tsc exited with code ${code}`;
    return [new KilnError(catalog.TypeCheckRun({ reason }), { file: tsconfig })];
  }
  return problems;
}

/** `src/a.tsx(12,5): error TS2551: Property …`, with any indented lines that continue it. */
export function parseDiagnostics(output: string, root: string): KilnError[] {
  const problems: KilnError[] = [];
  let last:
    { file: string; line: number; column: number; code: string; text: string[] } | undefined;
  const flush = () => {
    if (!last) return;
    const { file, line, column, code, text } = last;
    problems.push(
      new KilnError(catalog.TypeCheckFailed({ code, message: text.join("\n") }), {
        file,
        line,
        column,
      }),
    );
    last = undefined;
  };
  for (const line of output.split(/\r?\n/)) {
    const match = /^(.+)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    if (match) {
      flush();
      last = {
        file: path.resolve(root, match[1]!),
        line: Number(match[2]),
        column: Number(match[3]),
        code: match[4]!,
        text: [match[5]!],
      };
    } else if (last && /^\s/.test(line) && line.trim() !== "") {
      last.text.push(line.trim());
    } else {
      flush();
    }
  }
  flush();
  return problems;
}

function run(
  cwd: string,
  command: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
