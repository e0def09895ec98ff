import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import type { ResolvedBucketOptions } from "../config/index.js";
import { KilnError } from "../errors/index.js";
import { createS3Client, resolveCredentials, type S3Client } from "../storage/index.js";
import { isInside, sha256, toPosix, walkFiles } from "../support/index.js";

/** The caches worth sharing: slow to make, keyed by their inputs, valid on any machine. */
const SHARED = ["images", "sources"] as const;

/** `path → sha256` of every shared file the bucket holds; the bytes are at `objects/<sha256>`. */
type Manifest = Map<string, string>;

export interface RemoteCacheOptions {
  remote: ResolvedBucketOptions | undefined;
  /** The project's `.kiln/`. */
  cacheDir: string;
  logger: { info(message: string): void; warn(message: string): void };
  env?: NodeJS.ProcessEnv | undefined;
}

export interface RemoteCache {
  /** Files fetched into `.kiln/` before the build. */
  readonly fetched: number;
  /** Stores the shared caches' new files; returns how many went up. Never throws. */
  push(): Promise<number>;
}

const NONE: RemoteCache = { fetched: 0, push: () => Promise.resolve(0) };

/**
 * Before a build: fetches the shared caches' files that `.kiln/` lacks. Each is checked
 * against its SHA-256 before it is written, so a damaged remote cache costs a cold build,
 * never a different output. Any failure (no keys, no network) is a warning: the cache is an
 * optimisation and the build goes on without it.
 */
export async function pullRemoteCache(options: RemoteCacheOptions): Promise<RemoteCache> {
  const { remote, cacheDir, logger } = options;
  if (!remote) return NONE;
  const where = `s3://${remote.bucket}/${remote.prefix}`;
  let client: S3Client;
  let manifest: Manifest;
  try {
    const credentials = await resolveCredentials(options.env);
    client = createS3Client({ ...remote, credentials, retry: { attempts: 3 } });
    manifest = await readManifest(client, remote.prefix, logger, where);
  } catch (error) {
    logger.warn(`remote cache ${where} not used: ${describe(error)}`);
    return NONE;
  }
  const local = await hashLocal(cacheDir);
  const missing = [...manifest].filter(([file]) => !local.has(file));
  const limit = pLimit(16);
  let fetched = 0;
  let damaged = 0;
  try {
    await Promise.all(
      missing.map(([file, digest]) =>
        limit(async () => {
          const bytes = await client.get(`${remote.prefix}objects/${digest}`);
          if (!bytes || sha256(bytes) !== digest) {
            damaged++;
            // Forgotten, so this build's push stores a good copy again.
            manifest.delete(file);
            return;
          }
          const target = path.join(cacheDir, file);
          await mkdir(path.dirname(target), { recursive: true });
          // Written aside then renamed: a killed build never leaves half a cache file.
          await writeFile(`${target}.remote-${process.pid}`, bytes);
          await rename(`${target}.remote-${process.pid}`, target);
          local.set(file, digest);
          fetched++;
        }),
      ),
    );
  } catch (error) {
    logger.warn(`remote cache ${where}: fetching stopped: ${describe(error)}`);
  }
  if (damaged > 0)
    logger.warn(`remote cache ${where}: ${damaged} files were missing or damaged and were skipped`);
  if (fetched > 0) logger.info(`remote cache: fetched ${fetched} files from ${where}`);
  return {
    fetched,
    async push() {
      try {
        return await pushNew(client, remote.prefix, cacheDir, manifest);
      } catch (error) {
        logger.warn(`remote cache ${where}: new files not stored: ${describe(error)}`);
        return 0;
      }
    },
  };
}

/** Uploads files the remote manifest lacks, then merges them into the latest manifest. */
async function pushNew(
  client: S3Client,
  prefix: string,
  cacheDir: string,
  known: Manifest,
): Promise<number> {
  const local = await hashLocal(cacheDir);
  const fresh = [...local].filter(([file, digest]) => known.get(file) !== digest);
  if (fresh.length === 0) return 0;
  const stored = new Set(known.values());
  const limit = pLimit(16);
  await Promise.all(
    fresh.map(([file, digest]) =>
      limit(async () => {
        if (stored.has(digest)) return;
        stored.add(digest);
        await client.put(`${prefix}objects/${digest}`, await readFile(path.join(cacheDir, file)));
      }),
    ),
  );
  // Another build (a shard) may have stored files meanwhile: merge into what is there now.
  const latest = await readManifest(client, prefix, { info() {}, warn() {} }, "");
  for (const [file, digest] of fresh) latest.set(file, digest);
  const files = Object.fromEntries([...latest].sort(([a], [b]) => (a < b ? -1 : 1)));
  await client.put(`${prefix}manifest.json`, Buffer.from(JSON.stringify({ version: 1, files })), {
    contentType: "application/json",
  });
  return fresh.length;
}

async function readManifest(
  client: S3Client,
  prefix: string,
  logger: RemoteCacheOptions["logger"],
  where: string,
): Promise<Manifest> {
  const manifest: Manifest = new Map();
  const bytes = await client.get(`${prefix}manifest.json`);
  if (!bytes) return manifest;
  let files: unknown;
  try {
    files = (JSON.parse(bytes.toString("utf8")) as { files?: unknown }).files;
  } catch {
    logger.warn(`remote cache ${where}: its manifest is damaged and was ignored`);
    return manifest;
  }
  for (const [file, digest] of Object.entries(files ?? {})) {
    // A manifest is data from outside: only known folders, nothing outside `.kiln/`.
    if (typeof digest === "string" && /^[0-9a-f]{64}$/.test(digest) && isSharedPath(file))
      manifest.set(file, digest);
  }
  return manifest;
}

function isSharedPath(file: string): boolean {
  const normal = path.posix.normalize(file);
  return (
    normal === file &&
    !path.posix.isAbsolute(file) &&
    isInside("/c", path.posix.join("/c", file)) &&
    SHARED.some((dir) => file.startsWith(`${dir}/`)) &&
    !file.includes(".remote-")
  );
}

async function hashLocal(cacheDir: string): Promise<Manifest> {
  const hashes: Manifest = new Map();
  for (const dir of SHARED) {
    const folder = path.join(cacheDir, dir);
    const files = await walkFiles(folder, (name) => name.includes(".remote-")).catch(() => []);
    for (const file of files) {
      hashes.set(toPosix(path.relative(cacheDir, file)), sha256(await readFile(file)));
    }
  }
  return hashes;
}

function describe(error: unknown): string {
  return KilnError.is(error) ? `${error.code}: ${error.message}` : (error as Error).message;
}
