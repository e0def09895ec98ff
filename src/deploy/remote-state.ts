import pLimit from "p-limit";
import type { S3Client } from "../storage/index.js";

/** The object Kiln keeps beside the site: each key's digest and the ETag it was stored with. */
export const MANIFEST_NAME = ".kiln-deploy.json";

interface ManifestEntry {
  digest: string;
  etag: string;
}

export interface RemoteObject {
  key: string;
  size: number;
  etag: string;
  /** The digest Kiln stored it with; undefined for an object Kiln did not upload. */
  digest: string | undefined;
}

/**
 * What the bucket holds under `prefix`, keyed relative to it. The listing is the truth; the
 * manifest only says which digest each listed object has, and is believed only where its
 * ETag matches the listing's. An object changed by hand, or uploaded by a deploy that was
 * killed before writing the manifest, is asked for its `kiln-digest` metadata instead
 * (HEAD), but only if the output still has that key: keys to delete need no digest.
 */
export async function readRemoteState(
  client: S3Client,
  prefix: string,
  wanted: ReadonlySet<string>,
  skip: (key: string) => boolean,
  concurrency: number,
): Promise<{ objects: Map<string, RemoteObject>; headRequests: number }> {
  const [listing, manifest] = await Promise.all([
    client.list(prefix),
    readManifest(client, prefix + MANIFEST_NAME),
  ]);
  const objects = new Map<string, RemoteObject>();
  const unsure: RemoteObject[] = [];
  for (const item of listing) {
    const key = item.key.slice(prefix.length);
    if (key === MANIFEST_NAME || skip(key)) continue;
    const known = manifest.get(key);
    const trusted = known !== undefined && known.etag === item.etag;
    const object = {
      key,
      size: item.size,
      etag: item.etag,
      digest: trusted ? known.digest : undefined,
    };
    objects.set(key, object);
    if (!trusted && wanted.has(key)) unsure.push(object);
  }
  const limit = pLimit(concurrency);
  await Promise.all(
    unsure.map((object) =>
      limit(async () => {
        const head = await client.head(prefix + object.key);
        if (head && head.etag === object.etag) object.digest = head.metadata["kiln-digest"];
      }),
    ),
  );
  return { objects, headRequests: unsure.length };
}

/** The manifest, or an empty one when missing or unreadable: then every object is HEAD-checked. */
async function readManifest(client: S3Client, key: string): Promise<Map<string, ManifestEntry>> {
  const bytes = await client.get(key);
  const entries = new Map<string, ManifestEntry>();
  if (!bytes) return entries;
  try {
    const parsed = JSON.parse(bytes.toString("utf8")) as { files?: Record<string, ManifestEntry> };
    for (const [name, entry] of Object.entries(parsed.files ?? {})) {
      if (typeof entry?.digest === "string" && typeof entry.etag === "string")
        entries.set(name, entry);
    }
  } catch {
    // A damaged manifest costs HEAD requests, never a wrong answer.
  }
  return entries;
}

export async function writeManifest(
  client: S3Client,
  prefix: string,
  objects: ReadonlyMap<string, RemoteObject>,
): Promise<void> {
  const files: Record<string, ManifestEntry> = {};
  for (const key of [...objects.keys()].sort()) {
    const object = objects.get(key)!;
    if (object.digest !== undefined) files[key] = { digest: object.digest, etag: object.etag };
  }
  const body = Buffer.from(JSON.stringify({ version: 1, files }));
  await client.put(prefix + MANIFEST_NAME, body, {
    contentType: "application/json",
    cacheControl: "no-store",
  });
}
