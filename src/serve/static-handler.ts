import type { IncomingMessage, ServerResponse } from "node:http";
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
  if (inBase.kind === "inside") {
    const target = resolveRequest(inBase.target, root);
    if (target.kind === "reject") return sendText(res, target.status);
    // `/about` is also `about.html`, as Netlify, Cloudflare Pages and GitHub Pages serve it.
    const found =
      (await findStaticFile(root, target.path, { slash: target.slash, indexes: true })) ??
      (target.slash
        ? undefined
        : await findStaticFile(root, `${target.path}.html`, { slash: false, indexes: false }));
    if (found?.kind === "directory") return redirectToSlash(res, rawTarget);
    if (found) {
      const pathname = rawTarget.split("?")[0]!;
      return sendFile(req, res, found, 200, "no-cache", headersOf(pathname));
    }
  }
  const notFound = await findStaticFile(root, path.join(root, "404.html"), {
    slash: false,
    indexes: false,
  });
  // The 404 page is served at any URL: it carries its own policy (its inline code's hashes).
  if (notFound?.kind === "file")
    return sendFile(req, res, notFound, 404, "no-cache", headersOf(`${base}404.html`));
  sendText(res, 404);
}
