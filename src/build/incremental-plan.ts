import { copyFileSync, existsSync, linkSync, mkdirSync, statSync } from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ContentStore, SourceLogger } from "../content/index.js";
import type { Route, RouteTable } from "../routes/index.js";
import { sha256, toPosix, walkFiles } from "../support/index.js";
import {
  dropBuildCache,
  readBuildCache,
  writeBuildCache,
  type RouteRecord,
} from "./build-cache.js";
import { InputDigests } from "./input-digests.js";
import type { LoadedPage } from "./load-pages.js";
import type { ReusedPage } from "./render-routes.js";
import type { Staging } from "./staging.js";

export interface PlanIncrementalOptions {
  root: string;
  cacheDir: string;
  outDir: string;
  publicDir: string;
  /** Files the config was compiled from: a change to any of them voids the cache. */
  configInputs: readonly string[];
  /** `digestConfig()` of the resolved config: a value computed at load time voids it too. */
  configDigest: string;
  table: RouteTable;
  pages: ReadonlyMap<string, LoadedPage>;
  store: ContentStore;
  logger: SourceLogger;
  /** Reuse nothing and leave the cache as it is (`--verify`'s cold build). */
  cold?: boolean | undefined;
}

/**
 * Which pages a build can take unchanged from the previous output, and the bookkeeping to
 * make the next build's decision. A page is reused only when its module files, its props,
 * what its last render read from the store, and its output file are all as they were.
 */
export interface IncrementalPlan {
  /** Output path → what its previous render read and the images it uses, for every reused page. */
  readonly reused: ReadonlyMap<string, ReusedPage>;
  /** Bytes of the reused pages. */
  readonly reusedBytes: number;
  /**
   * When every page is reused, no page is gone, the public files are as copied last time and
   * the output folder holds exactly those files, the output already is what this build would
   * write: the counts of what is there, and nothing needs staging or swapping.
   */
  currentOutput(): Promise<
    { publicFiles: number; publicBytes: number; otherFiles: number } | undefined
  >;
  /**
   * Pages carry the assets' tags (hashed file names): when the assets differ from the last
   * build's, no page is reused. Call after the assets are written through `track()`.
   */
  useAssets(assets: { islands: unknown; headTags: unknown }): void;
  /** Hard-links (or copies) the reused pages from the previous output into staging. */
  linkReused(staging: Staging): Promise<void>;
  /** Staging that also remembers the digest of each page written through it. */
  track(staging: Staging): Staging;
  /** Call before the swap: the old cache must never describe the new output. */
  beforeCommit(): Promise<void>;
  /** Call after the swap, with each URL's store reads, to write the new cache. */
  save(
    readsByUrl: Readonly<Record<string, string[]>>,
    assetsByUrl: Readonly<Record<string, string[]>>,
    /** Digests of pages written past `track()` (by render workers). */
    digests: ReadonlyMap<string, string>,
    /** Files the plugins wrote. */
    outputs: readonly string[],
  ): Promise<void>;
}

export async function planIncremental(options: PlanIncrementalOptions): Promise<IncrementalPlan> {
  const { root, outDir, table, pages } = options;
  const digests = new InputDigests(root, options.store);
  const scope = sha256(
    [
      `kiln ${KILN_VERSION}`,
      await digests.files(options.configInputs),
      options.configDigest,
      toPosix(path.relative(root, outDir)),
    ].join("\n"),
  );
  const cache = options.cold
    ? undefined
    : await readBuildCache(options.cacheDir, (message) => options.logger.warn(message));
  const previous = cache?.scope === scope ? cache.routes : {};

  const moduleDigests = new Map<string, Promise<string>>();
  const keys = new Map<string, string>();
  const reused = new Map<string, ReusedPage>();
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
    const imagesThere = (record.assets ?? []).every((image) =>
      existsSync(path.join(outDir, image)),
    );
    if (imagesThere && (await isIntact(path.join(outDir, route.outputPath), record))) {
      reused.set(route.outputPath, { reads: record.reads, assets: record.assets ?? [] });
      reusedBytes += record.size;
    }
  });

  const written = new Map<string, string>();
  let assetsDigest = "";
  /** Reused pages that could not be hard-linked: their file (and time) is new. */
  const copied = new Set<string>();
  return {
    reused,
    get reusedBytes() {
      return reusedBytes;
    },
    async currentOutput() {
      const routeCount = table.routes.length;
      if (!cache || reused.size !== routeCount || Object.keys(previous).length !== routeCount)
        return undefined;
      const publicDigests = await digestPublicFiles(options.publicDir);
      const expected = Object.entries(cache.public);
      if (
        publicDigests.size !== expected.length ||
        expected.some(([file, digest]) => publicDigests.get(file)?.digest !== digest)
      )
        return undefined;
      const images = new Set([...reused.values()].flatMap((page) => page.assets));
      const outputs = new Set(cache.outputs);
      const present = await listFiles(outDir);
      if (present.length !== routeCount + publicDigests.size + images.size + outputs.size)
        return undefined;
      const known = (file: string) =>
        Object.hasOwn(previous, file) ||
        publicDigests.has(file) ||
        images.has(file) ||
        outputs.has(file);
      if (!present.every(known)) return undefined;
      let publicBytes = 0;
      for (const { size } of publicDigests.values()) publicBytes += size;
      return {
        publicFiles: publicDigests.size,
        publicBytes,
        otherFiles: images.size + outputs.size,
      };
    },
    useAssets(assets) {
      const files = [...written].sort(([a], [b]) => (a < b ? -1 : 1));
      assetsDigest = sha256(JSON.stringify([assets.islands, assets.headTags, files]));
      if (cache?.assets === assetsDigest) return;
      reused.clear();
      reusedBytes = 0;
    },
    linkReused(staging) {
      // Synchronous on purpose: thousands of tiny metadata calls run several times faster
      // on the main thread than through libuv's four-thread pool, and nothing else waits.
      const made = new Set<string>();
      const link = (outputPath: string) => {
        const target = path.join(staging.dir, outputPath);
        const folder = path.dirname(target);
        if (!made.has(folder)) {
          made.add(folder);
          mkdirSync(folder, { recursive: true });
        }
        return linkOrCopy(path.join(outDir, outputPath), target);
      };
      const images = new Set<string>();
      for (const [outputPath, page] of reused) {
        if (!link(outputPath)) copied.add(outputPath);
        for (const image of page.assets) images.add(image);
      }
      // A reused page's markdown images come with it: nothing renders them this time.
      for (const image of images) link(image);
      return Promise.resolve();
    },
    track(staging) {
      return {
        dir: staging.dir,
        write(relative, content) {
          written.set(relative, sha256(content));
          return staging.write(relative, content);
        },
        writeKeeping(relative, content) {
          written.set(relative, sha256(content));
          return staging.writeKeeping(relative, content);
        },
        commit: () => staging.commit(),
        discard: () => staging.discard(),
      };
    },
    beforeCommit: () => (options.cold ? Promise.resolve() : dropBuildCache(options.cacheDir)),
    async save(readsByUrl, assetsByUrl, pageDigests, outputs) {
      if (options.cold) return;
      const routes: Record<string, RouteRecord> = {};
      await forEachLimited(table.routes, async (route) => {
        const key = keys.get(route.outputPath);
        const output = reused.has(route.outputPath)
          ? previous[route.outputPath]?.output
          : (written.get(route.outputPath) ?? pageDigests.get(route.outputPath));
        if (key === undefined) return;
        // A page neither tracked nor digested by its worker (none today) is read back.
        const digest =
          output ?? sha256(await readFile(path.join(outDir, route.outputPath)).catch(() => ""));
        const previousPage = reused.get(route.outputPath);
        const reads = previousPage?.reads ?? readsByUrl[route.url] ?? [];
        const assets = previousPage?.assets ?? assetsByUrl[route.url] ?? [];
        const record = previous[route.outputPath];
        if (record && reused.has(route.outputPath) && !copied.has(route.outputPath)) {
          // A hard link is the same file: size and time are as recorded.
          routes[route.outputPath] = record;
          return;
        }
        const info = await stat(path.join(outDir, route.outputPath));
        routes[route.outputPath] = {
          key,
          reads,
          readsDigest: digests.reads(reads),
          size: info.size,
          mtimeMs: info.mtimeMs,
          output: digest,
          ...(assets.length > 0 ? { assets } : {}),
        };
      });
      const publicDigests = await digestPublicFiles(options.publicDir);
      await writeBuildCache(options.cacheDir, {
        format: 3,
        scope,
        assets: assetsDigest,
        routes: sortKeys(routes),
        outputs: [...outputs].sort(),
        public: Object.fromEntries([...publicDigests].map(([file, { digest }]) => [file, digest])),
      });
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
  // A page's language versions are in its head: a new translation changes the page.
  const locales = JSON.stringify([route.locale, route.alternates]);
  return sha256(
    [route.url, route.outputPath, route.page.relative, modules, props, locales].join("\0"),
  );
}

/**
 * The previous output file is what the cache says it wrote: same size and time, or (when a
 * restored cache reset the times) the same content.
 */
async function isIntact(file: string, record: RouteRecord): Promise<boolean> {
  // Sync for the same reason as linking: a stat per page adds up through the thread pool.
  const info = statSync(file, { throwIfNoEntry: false });
  if (!info?.isFile() || info.size !== record.size) return false;
  if (info.mtimeMs === record.mtimeMs) return true;
  return sha256(await readFile(file)) === record.output;
}

/** Output path → digest and size of each public file, as `copyPublic` copies them. */
async function digestPublicFiles(
  publicDir: string,
): Promise<Map<string, { digest: string; size: number }>> {
  const out = new Map<string, { digest: string; size: number }>();
  if (!existsSync(publicDir)) return out;
  for (const file of await walkFiles(publicDir, () => false)) {
    const bytes = await readFile(file);
    out.set(toPosix(path.relative(publicDir, file)), { digest: sha256(bytes), size: bytes.length });
  }
  return out;
}

/** Every file under `dir`, relative with `/`; empty when it does not exist. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => toPosix(path.relative(dir, path.join(entry.parentPath, entry.name))));
}

/** A hard link costs no copy; across devices or where links are refused, copy. */
function linkOrCopy(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    copyFileSync(from, to);
    return false;
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
