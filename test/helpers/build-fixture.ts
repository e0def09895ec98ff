import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, readlink, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, type HTMLElement } from "node-html-parser";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const KILN_BIN = path.join(REPO, "bin/kiln.js");
export const FIXTURES = path.join(REPO, "test/fixtures");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `kiln` command, as a user would. */
export function runKiln(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [KILN_BIN, ...args],
      {
        cwd: options.cwd ?? REPO,
        env: { ...process.env, CI: "true", ...options.env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface Project {
  root: string;
  outDir: string;
  build(...args: string[]): Promise<RunResult>;
  read(relative: string): Promise<string>;
  html(relative: string): Promise<HTMLElement>;
  /** Every output file, relative, sorted. */
  files(): Promise<string[]>;
  /** Every output file with its bytes, for byte-for-byte comparisons. */
  snapshot(): Promise<Map<string, Buffer>>;
  cleanup(): Promise<void>;
}

/**
 * Copies a fixture (or the example named by a path) into its own temp folder, so tests run
 * in parallel and never write into the repository.
 */
export async function copyProject(source: string): Promise<Project> {
  const from = path.isAbsolute(source) ? source : path.join(FIXTURES, source);
  const root = await mkdtemp(path.join(tmpdir(), `kiln-${path.basename(from)}-`));
  await cp(from, root, {
    recursive: true,
    filter: (file) => !/[\\/](dist|\.kiln|node_modules)$/.test(file),
  });
  const outDir = path.join(root, "dist");
  return {
    root,
    outDir,
    build: (...args) => runKiln(["build", root, ...args]),
    read: (relative) => readFile(path.join(outDir, relative), "utf8"),
    html: async (relative) => parse(await readFile(path.join(outDir, relative), "utf8")),
    files: () => listFiles(outDir),
    snapshot: () => snapshot(outDir),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const file of await listFiles(dir)) out.set(file, await readFile(path.join(dir, file)));
  return out;
}

/**
 * What Kiln left beside the output folder besides the version the output links to: staging
 * folders, links and old versions of builds that should have cleaned up after themselves.
 */
export async function kilnLeftovers(outDir: string): Promise<string[]> {
  const live = await readlink(outDir).catch(() => undefined);
  const prefix = `.${path.basename(outDir)}.kiln-`;
  return (await readdir(path.dirname(outDir)))
    .filter((name) => name.startsWith(prefix) && name !== live)
    .sort();
}
