import type { IncomingMessage, ServerResponse } from "node:http";
import { open, realpath } from "node:fs/promises";
import path from "node:path";
import { checkHost, hostHeaderOf } from "./host-check.js";
import { underBase } from "./base-path.js";
import { resolveRequest } from "./resolve-request.js";
import { redirectToSlash, sendFile, sendText } from "./respond.js";
import { createSiteHeaders } from "./site-headers.js";
import { findStaticFile } from "./static-files.js";

/**
 * Serves a built site as a static host would: `/about/` → `about/index.html`, `/about` →
 * redirect to `/about/`, unknown URLs → `404.html` with status 404. Nothing outside `root`,
 * and only to requests naming an allowed host (a DNS-rebinding page names its own).
 */
export function createStaticHandler(
  root: string,
  allowedHosts: ReadonlySet<string>,
  base = "/",
): (req: IncomingMessage, res: ServerResponse) => void {
  const headersOf = createSiteHeaders(root);
  return (req, res) => {
    handle(root, allowedHosts, base, headersOf, req, res).catch(() => {
      // A file that vanished mid-response (a build swapped the output): the client retries.
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

async function handle(
  root: string,
  allowedHosts: ReadonlySet<string>,
  base: string,
  headersOf: (pathname: string) => [string, string][],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const host = checkHost(hostHeaderOf(req), allowedHosts);
  if (host !== "allowed") return sendText(res, host === "malformed" ? 400 : 403);
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return sendText(res, 405);
  }
  const rawTarget = req.url ?? "";
  const inBase = underBase(rawTarget, base);
  if (inBase.kind === "redirect") {
    res.writeHead(302, { location: inBase.location }).end();
    return;
  }
  // `root` is a link a build swaps to a new version (src/build/staging.ts) and then removes
  // the old one. Each request reads one version, its real path, from start to end; when the
  // file it found is gone before it opened, a build swapped meanwhile: ask the new version.
  for (let attempt = 0; attempt < 3; attempt++) {
    const version = await realpath(root).catch(() => undefined);
    if (version === undefined) break;
    const answer = await lookUp(version, inBase.kind === "inside" ? inBase.target : undefined);
    if (answer.kind === "reject") return sendText(res, answer.status);
    if (answer.kind === "directory") return redirectToSlash(res, rawTarget);
    // A version being removed may have lost the page but not yet its 404 page.
    const current = async () => (await realpath(root).catch(() => undefined)) === version;
    if (answer.kind === "file" && (answer.status === 200 || (await current()))) {
      const handle = await open(answer.file.file).catch(() => undefined);
      // The 404 page is served at any URL: it carries its own policy (its inline code's hashes).
      const headers =
        answer.status === 200 ? headersOf(rawTarget.split("?")[0]!) : headersOf(`${base}404.html`);
      if (handle) {
        return sendFile(req, res, { ...answer.file, handle }, answer.status, "no-cache", headers);
      }
    }
    if (answer.kind === "none" && (await current())) break;
  }
  sendText(res, 404);
}

type Answer =
  | { kind: "file"; file: { file: string; size: number }; status: 200 | 404 }
  | { kind: "directory" }
  | { kind: "reject"; status: 400 | 403 | 404 }
  | { kind: "none" };

/** What one version of the output answers to a target inside the base (or to none: 404). */
async function lookUp(version: string, target: string | undefined): Promise<Answer> {
  if (target !== undefined) {
    const request = resolveRequest(target, version);
    if (request.kind === "reject") return request;
    // `/about` is also `about.html`, as Netlify, Cloudflare Pages and GitHub Pages serve it.
    const found =
      (await findStaticFile(version, request.path, { slash: request.slash, indexes: true })) ??
      (request.slash
        ? undefined
        : await findStaticFile(version, `${request.path}.html`, { slash: false, indexes: false }));
    if (found?.kind === "directory") return found;
    if (found) return { kind: "file", file: found, status: 200 };
  }
  const notFound = await findStaticFile(version, path.join(version, "404.html"), {
    slash: false,
    indexes: false,
  });
  return notFound?.kind === "file"
    ? { kind: "file", file: notFound, status: 404 }
    : { kind: "none" };
}
