import { createReadStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { lookup } from "mrmime";
import { SVG_POLICY } from "../outputs/index.js";

/** `no-cache` for the preview (revalidate), `no-store` for dev (always fresh). */
export type CachePolicy = "no-cache" | "no-store";

export function contentTypeOf(file: string): string {
  const type = lookup(file) ?? "application/octet-stream";
  const textual =
    type.startsWith("text/") || type === "application/javascript" || type === "application/json";
  return textual ? `${type}; charset=utf-8` : type;
}

/**
 * Streams a file. `pipeline`, not `.pipe()`: a client that hangs up mid-download must close
 * the file too (with `.pipe()` every aborted download leaked a descriptor until EMFILE).
 * A hang-up is the client's business, not an error to report.
 */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  /** With `handle`, the file already open: a build removing it meanwhile changes nothing. */
  file: { file: string; size: number; handle?: FileHandle | undefined },
  status: number,
  cache: CachePolicy,
  /** The site's own headers for this URL (its `_headers`), as its host sends them. */
  extra: readonly [string, string][] = [],
): Promise<void> {
  const type = contentTypeOf(file.file);
  for (const [name, value] of extra) res.setHeader(name, value);
  res.writeHead(status, {
    "content-type": type,
    "content-length": file.size,
    "x-content-type-options": "nosniff",
    "cache-control": cache,
    ...(type === "image/svg+xml" ? { "content-security-policy": SVG_POLICY } : {}),
  });
  if (req.method === "HEAD") {
    await file.handle?.close();
    res.end();
    return;
  }
  try {
    await pipeline(file.handle ? file.handle.createReadStream() : createReadStream(file.file), res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
  }
}

export function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  cache: CachePolicy,
): void {
  res.writeHead(status, {
    "content-type": type,
    "content-length": typeof body === "string" ? Buffer.byteLength(body) : body.byteLength,
    "x-content-type-options": "nosniff",
    "cache-control": cache,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

export function sendText(res: ServerResponse, status: number): void {
  res
    .writeHead(status, {
      "content-type": "text/plain; charset=utf-8",
      "x-content-type-options": "nosniff",
    })
    .end(`${status}\n`);
}

/** 301 to the same path with a slash, keeping the query. `pathname` passed resolveRequest. */
export function redirectToSlash(res: ServerResponse, rawTarget: string): void {
  const at = rawTarget.indexOf("?");
  const [pathname, query] =
    at === -1 ? [rawTarget, ""] : [rawTarget.slice(0, at), rawTarget.slice(at)];
  res.writeHead(301, { location: `${pathname}/${query}` }).end();
}
