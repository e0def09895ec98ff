import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { sha256 } from "../support/index.js";

/** What the last build knew about one output page. */
const routeRecordSchema = z.strictObject({
  /** Digest of the page's module files, props and URL. */
  key: z.string(),
  /** Store reads made while rendering, and their digest at the time. */
  reads: z.array(z.string()),
  readsDigest: z.string(),
  /** The output file as written: to notice it was changed or replaced since. */
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  output: z.string(),
  /** Local images of markdown the page refers to (output paths): reused with the page. */
  assets: z.array(z.string()).optional(),
});

const CACHE_FORMAT = 3;

const cacheSchema = z.strictObject({
  format: z.literal(CACHE_FORMAT),
  /** Digest of Kiln's version, the config and the output folder: any change voids the cache. */
  scope: z.string(),
  /** Digest of the assets pages link to (their tags and hashed files). */
  assets: z.string(),
  routes: z.record(z.string(), routeRecordSchema),
  /** Public file (output path) → digest of its content, as copied. */
  public: z.record(z.string(), z.string()),
  /**
   * Files plugins wrote (sitemap, feeds, headers): functions of the pages and config, so an
   * output whose every page is reused has them as they are.
   */
  outputs: z.array(z.string()).default([]),
});

export type RouteRecord = z.output<typeof routeRecordSchema>;
export type BuildCache = z.output<typeof cacheSchema>;

const FILE = "incremental.json";

/**
 * Reads the incremental build cache. The first line is the SHA-256 of the rest, so a
 * truncated or altered file is noticed; anything wrong makes it ignored (with a warning),
 * never trusted. Missing is normal: a first build, or a deleted `.kiln/`.
 */
export async function readBuildCache(
  cacheDir: string,
  warn: (message: string) => void,
): Promise<BuildCache | undefined> {
  const file = path.join(cacheDir, FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  const problem = (reason: string) => {
    warn(
      `The incremental build cache ${file} is damaged (${reason}); ignoring it and rendering every page.`,
    );
    return undefined;
  };
  const newline = text.indexOf("\n");
  if (newline === -1) return problem("it is truncated");
  const body = text.slice(newline + 1);
  if (sha256(body) !== text.slice(0, newline)) return problem("its checksum does not match");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return problem("it is not valid JSON");
  }
  // Written by another version of Kiln: not damage, only of no use.
  if ((json as { format?: unknown } | null)?.format !== CACHE_FORMAT) return undefined;
  const parsed = cacheSchema.safeParse(json);
  if (!parsed.success) return problem("it is not in the expected shape");
  return parsed.data;
}

/** Written beside and renamed into place, so a crash leaves the old cache or the new one. */
export async function writeBuildCache(cacheDir: string, cache: BuildCache): Promise<void> {
  const body = JSON.stringify(cache) + "\n";
  const file = path.join(cacheDir, FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  // `.kiln/` may have been deleted while the build ran: that is allowed.
  await mkdir(cacheDir, { recursive: true });
  await writeFile(temporary, `${sha256(body)}\n${body}`);
  await rename(temporary, file);
}

/**
 * Called before the output folder is swapped: from then until the new cache is written, no
 * cache describes the output, and a crash in between costs a full render, never a wrong page.
 */
export async function dropBuildCache(cacheDir: string): Promise<void> {
  await rm(path.join(cacheDir, FILE), { force: true });
}
