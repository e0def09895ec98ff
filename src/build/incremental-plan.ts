import { link, copyFile, mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ContentStore, SourceLogger } from "../content/index.js";
import type { Route, RouteTable } from "../routes/index.js";
import { sha256, toPosix } from "../support/index.js";
import {
  dropBuildCache,
  readBuildCache,
  writeBuildCache,
  type RouteRecord,
} from "./build-cache.js";
import { InputDigests } from "./input-digests.js";
import type { LoadedPage } from "./load-pages.js";
import type { Staging } from "./staging.js";

export interface PlanIncrementalOptions {
  root: string;
  cacheDir: string;
  outDir: string;
  /** Files the config was compiled from: a change to any of them voids the cache. */
  configInputs: readonly string[];
  table: RouteTable;
  pages: ReadonlyMap<string, LoadedPage>;
  store: ContentStore;
  logger: SourceLogger;
}

/**
 * Which pages a build can take unchanged from the previous output, and the bookkeeping to
 * make the next build's decision. A page is reused only when its module files, its props,
 * what its last render read from the store, and its output file are all as they were.
 */
export interface IncrementalPlan {
  /** Output path → the store reads of its previous render, for every reused page. */
  readonly reused: ReadonlyMap<string, string[]>;
  /** Bytes of the reused pages. */
  readonly reusedBytes: number;
  /** Hard-links (or copies) the reused pages from the previous output into staging. */
  linkReused(staging: Staging): Promise<void>;
  /** Staging that also remembers the digest of each page written through it. */
  track(staging: Staging): Staging;
  /** Call before the swap: the old cache must never describe the new output. */
  beforeCommit(): Promise<void>;
  /** Call after the swap, with each URL's store reads, to write the new cache. */
  save(readsByUrl: Readonly<Record<string, string[]>>): Promise<void>;
}

export async function planIncremental(options: PlanIncrementalOptions): Promise<IncrementalPlan> {
  const { root, outDir, table, pages } = options;
  const digests = new InputDigests(root, options.store);
  const scope = sha256(
    [
      `kiln ${KILN_VERSION}`,
      await digests.files(options.configInputs),
      toPosix(path.relative(root, outDir)),
    ].join("\n"),
  );
  const cache = await readBuildCache(options.cacheDir, (message) => options.logger.warn(message));
  const previous = cache?.scope === scope ? cache.routes : {};

  const moduleDigests = new Map<string, Promise<string>>();
  const keys = new Map<string, string>();
  const reused = new Map<string, string[]>();
  let reusedBytes = 0;
  await forEachLimited(table.routes, async (route) => {
    const loaded = pages.get(route.page.file)!;
    let modules = moduleDigests.get(route.page.file);
    if (!modules) {
      modules = digests.files(loaded.inputs.filter((input) => path.isAbsolute(input)));
      moduleDigests.set(route.page.file, modules);
    }
    const key = routeKey(route, loaded, await modules, digests);
    if (key === undefined) return;
    keys.set(route.outputPath, key);
    const record = previous[route.outputPath];
    if (!record || record.key !== key || digests.reads(record.reads) !== record.readsDigest) return;
    if (await isIntact(path.join(outDir, route.outputPath), record)) {
      reused.set(route.outputPath, record.reads);
      reusedBytes += record.size;
    }
  });

  const written = new Map<string, string>();
  return {
    reused,
    reusedBytes,
    async linkReused(staging) {
      const made = new Set<string>();
      await forEachLimited([...reused.keys()], async (outputPath) => {
        const target = path.join(staging.dir, outputPath);
        const folder = path.dirname(target);
        if (!made.has(folder)) {
          made.add(folder);
          await mkdir(folder, { recursive: true });
        }
        await linkOrCopy(path.join(outDir, outputPath), target);
      });
    },
    track(staging) {
      return {
        dir: staging.dir,
        write(relative, content) {
          written.set(relative, sha256(content));
          return staging.write(relative, content);
        },
        commit: () => staging.commit(),
        discard: () => staging.discard(),
      };
    },
    beforeCommit: () => dropBuildCache(options.cacheDir),
    async save(readsByUrl) {
      const routes: Record<string, RouteRecord> = {};
      await forEachLimited(table.routes, async (route) => {
        const key = keys.get(route.outputPath);
        const output = reused.has(route.outputPath)
          ? previous[route.outputPath]?.output
          : written.get(route.outputPath);
        if (key === undefined || output === undefined) return;
        const reads = reused.get(route.outputPath) ?? readsByUrl[route.url] ?? [];
        const info = await stat(path.join(outDir, route.outputPath));
        routes[route.outputPath] = {
          key,
          reads,
          readsDigest: digests.reads(reads),
          size: info.size,
          mtimeMs: info.mtimeMs,
          output,
        };
      });
      await writeBuildCache(options.cacheDir, { format: 1, scope, routes: sortKeys(routes) });
    },
  };
}

const KILN_VERSION = await readFile(new URL("../../package.json", import.meta.url), "utf8").then(
  (text) => (JSON.parse(text) as { version: string }).version,
);

function routeKey(
  route: Route,
  loaded: LoadedPage,
  modules: string,
  digests: InputDigests,
): string | undefined {
  const props = digests.props({
    ...loaded.props,
    ...route.props,
    params: route.params,
    url: route.url,
  });
  if (props === undefined) return undefined;
  return sha256([route.url, route.outputPath, route.page.relative, modules, props].join("\0"));
}

/**
 * The previous output file is what the cache says it wrote: same size and time, or (when a
 * restored cache reset the times) the same content.
 */
async function isIntact(file: string, record: RouteRecord): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile() || info.size !== record.size) return false;
  if (info.mtimeMs === record.mtimeMs) return true;
  return sha256(await readFile(file)) === record.output;
}

/** A hard link costs no copy; across devices or where links are refused, copy. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** Runs `work` over `items` with a bounded number in flight: thousands of stats, not at once. */
async function forEachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(32, items.length) }, worker));
}

function sortKeys<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
