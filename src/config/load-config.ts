import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  bundleModules,
  compiledModuleGone,
  importRestoring,
  type CompiledFolder,
} from "../compile/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { settleWithin, thrownReason, timeLimitSeconds } from "../support/index.js";
import { probeConfig } from "./probe-config.js";
import { configSchema, type ResolvedConfig } from "./schema.js";
import { formatIssuePath, issueKeys } from "./standard-schema.js";
import { closestName, knownKeysAt } from "./did-you-mean.js";

const CONFIG_NAMES = ["kiln.config.ts", "kiln.config.mts", "kiln.config.js", "kiln.config.mjs"];

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Absolute path of the config file, if the project has one. */
  file: string | undefined;
  /** The project files the config was compiled from. */
  inputs: string[];
  /** The compiled config's URL, which render workers import for plugins' page hooks. */
  url: string | undefined;
  /** The compiled config's files, to write again if `.kiln/` is deleted while a build runs. */
  folder: CompiledFolder | undefined;
}

/** Finds, compiles, runs and validates the project's config. No file means all defaults. */
export async function loadConfig(
  root: string,
  cacheDir: string,
  /** Ctrl-C: stops waiting for a config that hangs. */
  signal?: AbortSignal,
): Promise<LoadedConfig> {
  const file = CONFIG_NAMES.map((name) => path.join(root, name)).find((f) => existsSync(f));
  if (!file)
    return {
      config: validateConfig({}, undefined),
      file,
      inputs: [],
      url: undefined,
      folder: undefined,
    };
  const bundled = await bundleModules({
    root,
    entries: [file],
    outDir: path.join(cacheDir, "config"),
  });
  const url = bundled.modules.get(file)!;
  await probeConfig(url, file, signal);
  const seconds = timeLimitSeconds();
  let exported: unknown;
  try {
    const module = (await importRestoring(url, [bundled.folder])) as { default?: unknown };
    // `export default (async () => defineConfig(…))()`: a config that needs to await something
    // first exports a promise of itself.
    exported = await settleWithin(Promise.resolve(module.default), {
      limitMs: seconds * 1000,
      signal,
      onLimit: (why) => new KilnError(catalog.ConfigTimedOut({ why, seconds }), { file }),
    });
  } catch (error) {
    if (KilnError.is(error) || (signal?.aborted && error === signal.reason)) throw error;
    if (compiledModuleGone(error, url))
      throw new KilnError(catalog.CompiledModuleGone({ file }), { file }, { cause: error });
    throw new KilnError(
      catalog.ConfigNotLoadable({ reason: thrownReason(error) }),
      { file },
      { cause: error },
    );
  }
  if (exported === undefined) {
    throw new KilnError(catalog.ConfigNotLoadable({ reason: "it has no default export" }), {
      file,
    });
  }
  return {
    config: validateConfig(exported, file),
    file,
    inputs: bundled.inputs.get(file) ?? [],
    url,
    folder: bundled.folder,
  };
}

export function validateConfig(value: unknown, file: string | undefined): ResolvedConfig {
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const keys = issueKeys(issue.path);
  const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  if (unknownKey !== undefined) {
    const suggestion = closestName(unknownKey, knownKeysAt(configSchema, keys));
    const field = formatIssuePath([...keys, unknownKey]);
    const location = file ? { file, ...findKeyLine(file, unknownKey) } : undefined;
    throw new KilnError(catalog.ConfigKeyUnknown({ field, suggestion }), location);
  }
  const field = formatIssuePath(keys);
  const problem = issue.message;
  const location = file ? { file, ...findKeyLine(file, keys.at(-1)) } : undefined;
  throw new KilnError(catalog.ConfigInvalid({ field, problem }), location);
}

/** Best effort: the first line where the key is written, so the error can point at it. */
function findKeyLine(
  file: string,
  key: PropertyKey | undefined,
): { line?: number; column?: number } {
  if (typeof key !== "string") return {};
  const lines = readFileSync(file, "utf8").split("\n");
  const pattern = new RegExp(`(^|[\\s{,])["']?${key.replace(/[^\w$]/g, "\\$&")}["']?\\s*:`);
  for (let i = 0; i < lines.length; i++) {
    const match = pattern.exec(lines[i]!);
    if (match) return { line: i + 1, column: match.index + match[1]!.length + 1 };
  }
  return {};
}
