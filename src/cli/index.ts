import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  build,
  cacheDirOf,
  mergeShards,
  resolveProjectPaths,
  resolveRoot,
} from "../build/index.js";
import { loadConfig } from "../config/index.js";
import { KilnError, catalog, formatError, formatWarning } from "../errors/index.js";
import { startServer } from "../serve/index.js";
import type { ShardSpec } from "../shard/index.js";
import { formatSummary } from "./format-summary.js";
import { runCheck } from "./run-check.js";
import { runDeploy } from "./run-deploy.js";
import { runDev } from "./run-dev.js";
import { runInit } from "./run-init.js";
import { USAGE, parseCommand, type Command } from "./parse-args.js";
import { createProgressLine } from "./progress-line.js";

/** Runs one `kiln` command and returns the exit code: 0, or 1 for any error. */
export async function main(argv: readonly string[]): Promise<number> {
  // Stack frames of the user's pages then point at their .tsx lines, not compiled modules.
  process.setSourceMapsEnabled(true);
  const debug = argv.includes("--debug");
  try {
    return await run(parseCommand(argv));
  } catch (error) {
    process.stderr.write(formatError(error, { debug, cwd: process.cwd() }));
    return 1;
  }
}

async function run(command: Command): Promise<number> {
  switch (command.name) {
    case "help":
      process.stdout.write(USAGE);
      return 0;
    case "version":
      process.stdout.write(`${readVersion()}\n`);
      return 0;
    case "build":
      return runBuild(command.root, command.outDir, command);
    case "merge": {
      const warn = (message: string) => process.stderr.write(formatWarning(message));
      // Run where the project is (as in CI, from its checkout): the whole-site files need it.
      const here = process.cwd();
      const isProject = [
        "kiln.config.ts",
        "kiln.config.mts",
        "kiln.config.js",
        "kiln.config.mjs",
        "src/pages",
      ].some((name) => existsSync(path.join(here, name)));
      if (!isProject)
        warn(
          "not run in a Kiln project: the sitemap, feeds, redirects and headers files are not written, and pages are not checked",
        );
      const merged = await mergeShards(command.inputs, command.outDir, {
        warn,
        project: isProject ? { root: here, logger: { info: () => {}, warn } } : undefined,
      });
      process.stdout.write(
        `Merged ${command.inputs.length} shards, ${merged.files} files → ${path.relative(process.cwd(), merged.outDir) || "."}\n`,
      );
      return 0;
    }
    case "serve":
      return runServe(command.root, command.outDir, command.port);
    case "dev":
      return runDev(command);
    case "deploy":
      return runDeploy(command);
    case "init":
      return runInit(command);
    case "check":
      return runCheck(command);
  }
}

async function runBuild(
  root: string,
  outDir: string | undefined,
  {
    workers,
    shard,
    offline,
    verify,
  }: {
    workers: number | undefined;
    shard: ShardSpec | undefined;
    offline: boolean;
    verify: boolean;
  },
): Promise<number> {
  const line = createProgressLine(process.stderr);
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const result = await build({
      root,
      outDir,
      workers,
      shard,
      offline,
      verify,
      signal: interrupt.signal,
      onProgress: (progress) => line.update(progress),
      logger: {
        info: (message) => process.stderr.write(`${message}\n`),
        warn: (message) => process.stderr.write(formatWarning(message)),
      },
    });
    line.clear();
    process.stdout.write(formatSummary(result, process.cwd()));
    // A shard may rightly get no page; a whole site with none is a newcomer in the wrong folder.
    if (result.pages === 0 && !shard) process.stderr.write(formatWarning(noPagesHint(root)));
    return 0;
  } catch (error) {
    line.clear();
    if (interrupt.signal.aborted) {
      process.stderr.write("Build interrupted; the previous output is unchanged.\n");
      return 130;
    }
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

async function runServe(
  root: string,
  outDirOverride: string | undefined,
  port: number,
): Promise<number> {
  const projectRoot = resolveRoot(root);
  const { config } = await loadConfig(projectRoot, cacheDirOf(projectRoot));
  const { outDir } = resolveProjectPaths(projectRoot, config, outDirOverride);
  if (!existsSync(outDir)) throw new KilnError(catalog.OutputMissing({ outDir }));
  const server = await startServer({
    root: outDir,
    port,
    allowedHosts: config.serve.allowedHosts,
    base: config.site.base,
  });
  // Listening for Ctrl-C before printing the URL: whoever reads the URL may stop us at once.
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  process.stdout.write(
    `Serving ${path.relative(process.cwd(), outDir) || "."} at ${server.url} (Ctrl-C to stop)\n`,
  );
  await stopped;
  await server.close();
  return 0;
}

/** Where pages go, for a build that found none. */
function noPagesHint(root: string): string {
  // src/pages is fixed (resolveProjectPaths); a plugin may add routes, but then there are pages.
  const pagesDir = path.relative(process.cwd(), path.join(resolveRoot(root), "src", "pages"));
  return (
    `No pages: ${pagesDir || "."} has no .tsx, .jsx, .md or .mdx file. A page is a file there ` +
    `(src/pages/index.tsx is the page at /, src/pages/about.md is /about/). To start from a ` +
    `ready project, run \`npx kiln init my-site --template blog\` (or docs, minimal).`
  );
}

function readVersion(): string {
  const file = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}
