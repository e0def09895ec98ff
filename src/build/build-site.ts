import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { prepareAssets } from "../assets/index.js";
import { digestConfig, loadConfig } from "../config/index.js";
import { emptyCollectionsRead, type Source, type SourceLogger } from "../content/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { pullRemoteCache } from "../remote-cache/index.js";
import { outputPathKey, type RouteTable } from "../routes/index.js";
import { inShard, writeShardManifest, type ShardSpec } from "../shard/index.js";
import { toPosix } from "../support/index.js";
import { acquireBuildLock } from "./build-lock.js";
import { checkOutput } from "./check-output.js";
import { copyPublic } from "./copy-public.js";
import { prepareSite } from "./prepare-site.js";
import { assertSafeOutDir, cacheDirOf, resolveProjectPaths, resolveRoot } from "./project-paths.js";
import { planIncremental } from "./incremental-plan.js";
import { renderRoutes } from "./render-routes.js";
import { writePluginOutputs } from "./plugin-outputs.js";
import { measureOutput } from "./measure-output.js";
import { siteUrlNotice } from "./site-url-notice.js";
import { verifyOutput } from "./verify-build.js";
import { createStaging, recoverInterruptedSwap } from "./staging.js";

export interface BuildOptions {
  /** The project folder. */
  root: string;
  /** Overrides the config's `outDir`, relative to the root. */
  outDir?: string | undefined;
  logger: SourceLogger;
  /** Remote sources answer from their cache in .kiln/ alone (`kiln build --offline`). */
  offline?: boolean | undefined;
  /** Aborting stops the build between pages; the previous output stays as it was. */
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: BuildProgress) => void) | undefined;
  /** Render workers; 0 renders on the main thread. @default one per CPU for large sites */
  workers?: number | undefined;
  /** Build only this shard's pages and public files, and write its manifest. */
  shard?: ShardSpec | undefined;
  /**
   * Then build again cold into a temporary folder and fail, naming the files, if the two
   * outputs differ by a byte (`kiln build --verify`).
   */
  verify?: boolean | undefined;
  /** Reuse no page, and read or write no incremental cache, build graph or remote cache. */
  cold?: boolean | undefined;
  /**
   * Gets each entry that does not parse (then left out) or fails its schema (then rendered
   * with its data as written), instead of the first one failing the build (`kiln check`
   * lists every problem).
   */
  onInvalidEntry?: ((error: KilnError) => void) | undefined;
}

export interface BuildProgress {
  stage: "config" | "content" | "pages" | "render" | "write" | "verify";
  done?: number;
  total?: number;
  /** What is counted. @default "pages" */
  unit?: string;
  /** Which part of the stage, such as the source fetching. */
  detail?: string;
}

export interface BuildResult {
  outDir: string;
  /** Render worker threads used; 0 when pages rendered on the main thread. */
  workers: number;
  pages: number;
  /** Pages taken unchanged from the previous output (incremental build). */
  reused: number;
  files: number;
  bytes: number;
  seconds: number;
  /** With `verify`: the files found identical to a cold build. */
  verified?: number | undefined;
}

/** config → content → pages → routes → render → public files → swap into place. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const result = await buildRecompiling(options);
  if (options.verify) {
    options.onProgress?.({ stage: "verify" });
    const { files } = await verifyOutput(result.outDir, (outDir) =>
      buildOnce({ ...options, outDir, cold: true, onProgress: undefined }),
    );
    return { ...result, verified: files };
  }
  return result;
}

/**
 * A build imports what it compiled into .kiln/ (in the render workers too); deleting .kiln/
 * meanwhile is a user clearing a cache, so the build starts over once and recompiles. The
 * failed attempt left the previous output whole, so the result is the same bytes.
 */
async function buildRecompiling(options: BuildOptions): Promise<BuildResult> {
  try {
    return await buildOnce(options);
  } catch (error) {
    if (!(KilnError.is(error) && error.code === catalog.CompiledModuleGone.code)) throw error;
    options.logger.warn("The cache (.kiln/) was deleted during the build; building again.");
    return await buildOnce(options);
  }
}

async function buildOnce(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const root = resolveRoot(options.root);
  const progress = options.onProgress ?? (() => {});

  const cacheDir = cacheDirOf(root);
  // Taken before anything is written, .kiln/ included.
  const releaseLock = acquireBuildLock(root);
  try {
    progress({ stage: "config" });
    const {
      config,
      inputs: configInputs,
      url: configUrl,
      file: configFile,
      folder: configFolder,
    } = await loadConfig(root, cacheDir, options.signal);
    const paths = resolveProjectPaths(root, config, options.outDir);
    assertSafeOutDir(paths);
    await recoverInterruptedSwap(paths.outDir, (message) => options.logger.warn(message));
    // Off when offline: the remote cache is network too.
    const remoteCache = await pullRemoteCache({
      remote: options.offline || options.cold ? undefined : config.cache.remote,
      cacheDir: paths.cacheDir,
      logger: options.logger,
    });
    progress({ stage: "content" });
    const {
      store,
      runtime,
      runtimeSpec,
      warn,
      pages,
      table: fullTable,
      assetsPlugin,
      plugins,
    } = await prepareSite({
      root,
      config,
      paths,
      sharedCacheDir: paths.cacheDir,
      logger: options.logger,
      offline: options.offline,
      onSourceProgress: (source, done, total) =>
        progress({ stage: "content", detail: source, done, total, unit: "requests" }),
      markdownImages: true,
      onInvalidEntry: options.onInvalidEntry,
      drafts: false,
      configModule:
        configUrl && configFile
          ? { url: configUrl, file: configFile, folder: configFolder }
          : undefined,
      signal: options.signal,
    });
    const table = selectShard(fullTable, options.shard);
    // Said once the build has succeeded: a failing build's first line is its error.
    const noUrl = table.routes.length > 0 ? siteUrlNotice(config) : undefined;
    const sayNoUrl = () => void (noUrl && options.logger.warn(noUrl));

    const pagesByFile = new Map(pages.map((p) => [p.page.file, p]));
    const plan = await planIncremental({
      ...paths,
      configInputs,
      configDigest: digestConfig(config),
      table,
      pages: pagesByFile,
      store,
      logger: options.logger,
      cold: options.cold,
    });
    const current = await plan.currentOutput();
    if (current) {
      sayNoUrl();
      return {
        outDir: paths.outDir,
        workers: 0,
        pages: table.routes.length,
        reused: plan.reused.size,
        ...(await measureOutput(paths.outDir)),
        seconds: (performance.now() - started) / 1000,
      };
    }

    const staging = await createStaging(paths.outDir, {
      warn: (message) => options.logger.warn(message),
    });
    try {
      const publicFiles = await copyPublic(paths.publicDir, staging, options.shard);
      const taken = new Map(publicFiles.files.map((f) => [outputPathKey(f), f]));
      const tracked = plan.track(staging);
      const assets = await prepareAssets({
        root,
        options: config.assets,
        found: assetsPlugin.found,
        write: (file, data) => tracked.write(file, data),
      });
      plan.useAssets(assets);
      await plan.linkReused(staging);
      const rendered = await renderRoutes({
        table,
        pages: pagesByFile,
        site: config.site,
        assets,
        staging: tracked,
        taken,
        reuse: (route) => plan.reused.get(route.outputPath),
        runtime,
        runtimeSpec,
        warn,
        workers: options.workers,
        signal: options.signal,
        onPage: (done, total) => progress({ stage: "render", done, total }),
      });
      // A shard sees only its pages; whole-site outputs (sitemap, feeds) need them all.
      const extra = options.shard
        ? { files: 0, bytes: 0, paths: [] }
        : await writePluginOutputs({
            plugins,
            config,
            table,
            staging,
            taken,
            runtime,
            runtimeSpec,
          });
      const fromSources = new Set(
        (config.sources as Source[]).flatMap((source) => source.collections ?? []),
      );
      for (const message of emptyCollectionsRead(store, rendered.reads, fromSources)) warn(message);
      // A shard cannot see the pages its links lead to; the whole site is checked.
      if (!options.shard) await checkOutput({ config, root, table, dir: staging.dir, warn });
      progress({ stage: "write" });
      if (options.shard) await writeShardManifest(staging.dir, options.shard);
      await plan.beforeCommit();
      await staging.commit();
      await plan.save(rendered.reads, rendered.assets, rendered.digests, extra.paths);
      if (!options.cold) {
        await writeBuildGraph(paths.cacheDir, root, rendered.graph);
        await remoteCache.push();
      }
      sayNoUrl();
      return {
        outDir: paths.outDir,
        workers: rendered.workers,
        pages: table.routes.length,
        reused: plan.reused.size,
        ...(await measureOutput(paths.outDir)),
        seconds: (performance.now() - started) / 1000,
      };
    } catch (error) {
      await staging.discard();
      throw error;
    }
  } finally {
    releaseLock();
  }
}

/** A shard renders the routes whose output path hashes to it; no shard means all of them. */
function selectShard(table: RouteTable, shard: ShardSpec | undefined): RouteTable {
  return shard ? { routes: table.routes.filter((r) => inShard(r.outputPath, shard)) } : table;
}

/** URL → project-relative inputs: which pages a changed file affects, for incremental builds. */
async function writeBuildGraph(
  cacheDir: string,
  root: string,
  graph: Record<string, string[]>,
): Promise<void> {
  const relative = Object.fromEntries(
    Object.entries(graph).map(([url, inputs]) => [
      url,
      inputs
        .map((input) => (path.isAbsolute(input) ? toPosix(path.relative(root, input)) : input))
        .sort(),
    ]),
  );
  await mkdir(cacheDir, { recursive: true });
  await writeFile(
    path.join(cacheDir, "build-graph.json"),
    JSON.stringify(relative, null, 2) + "\n",
  );
}
