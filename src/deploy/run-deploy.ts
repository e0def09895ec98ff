import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { cacheDirOf, resolveProjectPaths, resolveRoot } from "../build/index.js";
import { loadConfig, type ResolvedConfig } from "../config/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { createS3Client, resolveCredentials, type S3Client } from "../storage/index.js";
import {
  planDeploy,
  type DeployPlan,
  type DeployRedirect,
  type PlannedUpload,
} from "./deploy-plan.js";
import { changedUrls, runInvalidateCommand, writeInvalidation } from "./invalidation.js";
import { listLocalFiles } from "./local-files.js";
import { encodeBody } from "./object-headers.js";
import { readRemoteState, writeManifest } from "./remote-state.js";

export interface DeployOptions {
  root: string;
  /** Overrides the config's `outDir`, relative to the root. */
  outDir?: string | undefined;
  /** Print the plan, change nothing. */
  dryRun?: boolean | undefined;
  /** Refuse to delete more than this many objects. @default 256 */
  maxDeletes?: number | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Redirects to store as website-redirect objects. @default the config's */
  redirects?: readonly DeployRedirect[] | undefined;
  /** Tries per request; tests lower it to fail fast. @default 5 */
  attempts?: number | undefined;
  onProgress?: ((progress: { done: number; total: number; bytes: number }) => void) | undefined;
  log: (message: string) => void;
}

export interface DeployResult {
  bucket: string;
  prefix: string;
  /** Where the keys came from ("environment variables AWS_ACCESS_KEY_ID, …"). */
  credentialsSource: string;
  plan: DeployPlan;
  uploaded: string[];
  deleted: string[];
  /** Objects whose digest had to be asked for (not in the manifest, or changed by hand). */
  headRequests: number;
  urls: string[];
  invalidationFile: string | undefined;
  dryRun: boolean;
  seconds: number;
}

/**
 * Output folder → bucket by manifest diff: list both sides, upload what differs (assets,
 * then pages), delete what is gone, record the manifest. Any interruption leaves the old
 * site whole (new files only add to it until the pages switch over), and a rerun finishes.
 */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const started = performance.now();
  const root = resolveRoot(options.root);
  const { config } = await loadConfig(root, cacheDirOf(root));
  const target = config.deploy.s3;
  if (!target) throw new KilnError(catalog.DeployNotConfigured());
  const { outDir } = resolveProjectPaths(root, config, options.outDir);
  // A file (or a link to one) where the output should be is no built site either.
  if (!statSync(outDir, { throwIfNoEntry: false })?.isDirectory())
    throw new KilnError(catalog.OutputMissing({ outDir }));
  const credentials = await resolveCredentials(options.env);
  const client = createS3Client({
    ...target,
    credentials,
    retry: {
      attempts: options.attempts,
      timeout: config.deploy.requestTimeout,
      deadline: config.deploy.deadline,
      // A store that is slow or silent says so on every retry instead of leaving a blank terminal.
      onRetry: options.log,
    },
  });
  const prefix = target.prefix;
  const local = await listLocalFiles(outDir);
  const redirects =
    options.redirects ?? (await builtRedirects(outDir, config.site.base)) ?? config.redirects;
  const remote = await readRemoteState(
    client,
    prefix,
    new Set(local.map((f) => f.key)),
    keepOutOf(config, target.bucket, prefix),
    config.deploy.concurrency,
  );
  const plan = planDeploy(local, redirects, remote.objects, config.deploy);
  const maxDeletes = options.maxDeletes ?? 256;
  const result: DeployResult = {
    bucket: target.bucket,
    prefix,
    credentialsSource: credentials.source,
    plan,
    uploaded: [],
    deleted: [],
    headRequests: remote.headRequests,
    urls: [],
    invalidationFile: undefined,
    dryRun: options.dryRun === true,
    seconds: 0,
  };
  if (!options.dryRun && plan.deletes.length > maxDeletes)
    throw new KilnError(
      catalog.DeployTooManyDeletes({ count: plan.deletes.length, max: maxDeletes }),
    );
  if (options.dryRun) return { ...result, seconds: (performance.now() - started) / 1000 };

  const uploads = [...plan.phases.assets, ...plan.phases.pages];
  let done = 0;
  let bytes = 0;
  const total = uploads.length + plan.deletes.length;
  const report = () => options.onProgress?.({ done, total, bytes });
  const limit = pLimit(config.deploy.concurrency);
  const upload = (item: PlannedUpload) =>
    limit(async () => {
      const etag = await putObject(client, prefix, item);
      remote.objects.set(item.key, { key: item.key, size: item.size, etag, digest: item.digest });
      result.uploaded.push(item.key);
      done++;
      bytes += item.size;
      report();
    });
  try {
    // Each phase finishes before the next starts: that is the order visitors depend on.
    await Promise.all(plan.phases.assets.map(upload));
    await Promise.all(plan.phases.pages.map(upload));
    if (plan.deletes.length > 0) {
      await client.deleteMany(plan.deletes.map((key) => prefix + key));
      for (const key of plan.deletes) remote.objects.delete(key);
      result.deleted.push(...plan.deletes);
      done += plan.deletes.length;
      report();
    }
  } finally {
    // Whatever went up is recorded, so a rerun after a failure need not ask for it again.
    if (result.uploaded.length > 0 || result.deleted.length > 0 || remote.headRequests > 0)
      await writeManifest(client, prefix, remote.objects).catch(() => {});
  }

  const changed = [...uploads.filter((u) => u.replaces).map((u) => u.key), ...result.deleted];
  result.urls = changedUrls(changed);
  if (result.urls.length > 0) {
    const invalidation = { bucket: target.bucket, prefix, urls: result.urls };
    result.invalidationFile = await writeInvalidation(cacheDirOf(root), invalidation);
    const command = config.deploy.invalidateCommand;
    if (command) {
      options.log(`Running the invalidation command for ${result.urls.length} URLs…`);
      await runInvalidateCommand(
        command,
        root,
        result.invalidationFile,
        JSON.stringify(invalidation),
      );
    }
  }
  result.uploaded.sort();
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

async function putObject(client: S3Client, prefix: string, item: PlannedUpload): Promise<string> {
  const bytes = item.local ? await readFile(item.local.file) : Buffer.alloc(0);
  const body = await encodeBody(bytes, item.headers);
  return client.put(prefix + item.key, body, {
    contentType: item.headers.contentType,
    cacheControl: item.headers.cacheControl,
    contentEncoding: item.headers.contentEncoding,
    redirectLocation: item.headers.redirectLocation,
    metadata: { "kiln-digest": item.digest, "kiln-sha256": item.local?.sha256 ?? "" },
  });
}

/**
 * The redirects the build wrote to `_redirects` (the config's and pages' `aliases`), as
 * objects the website endpoint answers with a 301: one path each, so patterns (`/a/*`) and
 * rewrites (200) are left to hosts that read the file.
 */
async function builtRedirects(outDir: string, base: string): Promise<DeployRedirect[] | undefined> {
  const text = await readFile(path.join(outDir, "_redirects"), "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  return text.split("\n").flatMap((line) => {
    const [from, to, status = "301"] = line.trim().split(/\s+/);
    const moved = ["301", "302", "307", "308"].includes(status.replace(/!$/, ""));
    // Keys are paths inside the output (the bucket's prefix holds the base), `to` is a URL.
    if (!from?.startsWith(base) || !to || !moved || /[*:]/.test(from)) return [];
    // The build writes paths percent-encoded (a space would split the line); keys are not.
    return [{ from: `/${decodePath(from.slice(base.length))}`, to }];
  });
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Keys the deploy must never delete: the remote build cache when it shares the bucket and
 * lives under the site's prefix.
 */
function keepOutOf(
  config: ResolvedConfig,
  bucket: string,
  prefix: string,
): (key: string) => boolean {
  const cache = config.cache.remote;
  if (!cache || cache.bucket !== bucket || !cache.prefix.startsWith(prefix)) return () => false;
  const inside = cache.prefix.slice(prefix.length);
  if (inside === "") return () => false;
  return (key) => key.startsWith(inside);
}
