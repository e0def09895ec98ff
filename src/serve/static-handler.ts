import { createReadStream, existsSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { lookup } from "mrmime";
import { isInside } from "../support/index.js";
import { resolveRequest } from "./resolve-request.js";

/**
 * Serves a built site as a static host would: `/about/` → `about/index.html`, `/about` →
 * redirect to `/about/`, unknown URLs → `404.html` with status 404. Nothing outside `root`.
 */
export function createStaticHandler(
  root: string,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(root, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const target = resolveRequest(req.url ?? "", root);
  if (target.kind === "reject") {
    res
      .writeHead(target.status, { "content-type": "text/plain; charset=utf-8" })
      .end(`${target.status}\n`);
    return;
  }
  const file = await findFile(root, target.path, target.slash);
  if (file === DIRECTORY) {
    const [pathname, query] = splitQuery(req.url ?? "/");
    res.writeHead(301, { location: `${pathname}/${query}` }).end();
    return;
  }
  if (file) return send(req, res, file, 200);
  const notFound = path.join(root, "404.html");
  if (existsSync(notFound)) return send(req, res, notFound, 404);
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("404 Not Found\n");
}

const DIRECTORY = Symbol("directory without trailing slash");

/** The file to send, DIRECTORY when the URL lacks its trailing slash, or undefined. */
async function findFile(
  root: string,
  candidate: string,
  slash: boolean,
): Promise<string | typeof DIRECTORY | undefined> {
  const info = await stat(candidate).catch(() => undefined);
  if (!info) return undefined;
  let file = candidate;
  if (info.isDirectory()) {
    file = path.join(candidate, "index.html");
    if (!existsSync(file)) return undefined;
    if (!slash) return DIRECTORY;
  }
  // A symbolic link in the output must not lead out of it.
  const real = await realpath(file).catch(() => undefined);
  if (!real || !isInside(await realpath(root), real)) return undefined;
  return real;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status: number,
): Promise<void> {
  const type = lookup(file) ?? "application/octet-stream";
  const textual =
    type.startsWith("text/") || type === "application/javascript" || type === "application/json";
  res.writeHead(status, {
    "content-type": textual ? `${type}; charset=utf-8` : type,
    "x-content-type-options": "nosniff",
    "cache-control": "no-cache",
  });
  if (req.method === "HEAD") {
    res.end();
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    createReadStream(file).on("error", reject).on("end", resolve).pipe(res);
  });
}

function splitQuery(url: string): [string, string] {
  const at = url.indexOf("?");
  return at === -1 ? [url, ""] : [url.slice(0, at), url.slice(at)];
}
