import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { lookup } from "mrmime";
import type { ResolvedDeployOptions } from "../config/index.js";

/** The HTTP headers an object is stored with. Part of its digest: changing them re-uploads it. */
export interface ObjectHeaders {
  contentType: string;
  cacheControl: string;
  contentEncoding?: "gzip" | "br" | undefined;
  redirectLocation?: string | undefined;
}

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "public, max-age=0, must-revalidate";

/** Kinds worth compressing; images, fonts and archives are compressed already. */
const COMPRESSIBLE =
  /^(text\/|application\/(json|xml|javascript|manifest\+json|rss\+xml|atom\+xml)|image\/svg\+xml)/;

/**
 * Content-Type from the extension (UTF-8 for text), Cache-Control from the user's rules, then
 * the defaults: everything under `_kiln/` has a content hash in its name, so it never changes
 * and may be cached for a year; anything else keeps its URL across deploys and is revalidated.
 */
export function headersFor(key: string, options: ResolvedDeployOptions): ObjectHeaders {
  const type = lookup(key) ?? "application/octet-stream";
  const contentType = /^text\/|json|javascript|xml/.test(type) ? `${type}; charset=utf-8` : type;
  const rule = options.cacheControl.find((r) => new RegExp(r.pattern).test(key));
  const cacheControl = rule?.value ?? (key.startsWith("_kiln/") ? IMMUTABLE : REVALIDATE);
  const contentEncoding =
    options.compress !== false && COMPRESSIBLE.test(type) ? options.compress : undefined;
  return { contentType, cacheControl, contentEncoding };
}

/** The bytes to store: compressed when the headers say so. zlib output is deterministic. */
export async function encodeBody(bytes: Buffer, headers: ObjectHeaders): Promise<Buffer> {
  if (headers.contentEncoding === "gzip") return promisify(gzip)(bytes, { level: 9 });
  if (headers.contentEncoding === "br")
    return promisify(brotliCompress)(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  return bytes;
}

/** What the bucket must hold for a file: its content hash and its headers, in one digest. */
export function objectDigest(sha256: string, headers: ObjectHeaders): string {
  const fields = [
    sha256,
    headers.contentType,
    headers.cacheControl,
    headers.contentEncoding ?? "",
    headers.redirectLocation ?? "",
  ];
  return createHash("sha256").update(fields.join("\n")).digest("hex");
}
