import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { toPosix, walkFiles } from "../support/index.js";

/** One file of the built output, named by its key relative to the deploy prefix. */
export interface LocalFile {
  /** `posts/hello/index.html`: the output path, forward slashes. */
  key: string;
  file: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/**
 * Files the build writes for hosts that read them (Netlify, Cloudflare Pages, nginx), not for
 * visitors: a bucket would serve them to anyone. Their redirects go up as redirect objects
 * (run-deploy.ts reads `_redirects`), and an object store sets headers per object.
 */
export const HOST_CONFIG_FILES: ReadonlySet<string> = new Set([
  "_headers",
  "_headers.nginx.conf",
  "_redirects",
]);

/**
 * Every file of the output with its SHA-256, sorted by key, without the host configuration. The output folder may be a
 * symbolic link to a versioned folder; links are followed while they stay inside it.
 */
export async function listLocalFiles(outDir: string): Promise<LocalFile[]> {
  // Shard manifests are build bookkeeping, not part of the site.
  const files = await walkFiles(outDir, (name) => name === ".kiln-shard.json");
  const limit = pLimit(32);
  const site = files.filter((file) => !HOST_CONFIG_FILES.has(toPosix(path.relative(outDir, file))));
  return Promise.all(
    site.map((file) =>
      limit(async () => {
        const bytes = await readFile(file);
        return {
          key: toPosix(path.relative(outDir, file)),
          file,
          size: bytes.byteLength,
          sha256: createHash("sha256").update(bytes).digest("hex"),
        };
      }),
    ),
  );
}
