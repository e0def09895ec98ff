import { renderChecksPage, type ChecksReport } from "../checks/index.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { localize } from "../render/index.js";
import { renderPageInSite } from "../runtime/index.js";
import {
  checkHost,
  contentTypeOf,
  findStaticFile,
  hostHeaderOf,
  isAllowedOrigin,
  redirectToSlash,
  resolveRequest,
  underBase,
  sendBody as sendAny,
  sendFile as sendAnyFile,
  sendText,
  type StaticFile,
} from "../serve/index.js";
import { toPosix } from "../support/index.js";
import type { DevSession } from "./dev-session.js";
import { renderErrorPage } from "./error-page.js";
import { GRAPHQL_PATH, handleGraphql } from "./graphql-endpoint.js";
import { CLIENT_PATH, EVENTS_PATH, injectClient } from "./inject-client.js";
import type { LiveEvents } from "./live-events.js";
import type { DevSite } from "./load-site.js";

export interface DevRequestContext {
  root: string;
  session: DevSession;
  events: LiveEvents;
  allowedHosts: ReadonlySet<string>;
  /** The port the server listens on, for the Origin check. */
  port: () => number;
  /** Prints a render error to the terminal, as the browser shows it. */
  reportError: (error: unknown) => void;
  /** The live-reload script (see `clientCodeLoader`). */
  clientCode: () => Promise<string>;
}

/** The content team's view of the last build's checks. */
const CHECKS_PATH = "/_kiln/checks";

/**
 * One request: checks Host and Origin, then serves the live-reload client and stream,
 * a page rendered now, or a file of the public folder. Nothing else of the disk.
 */
export async function handleRequest(
  context: DevRequestContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const host = checkHost(hostHeaderOf(req), context.allowedHosts);
  if (host !== "allowed") return sendText(res, host === "malformed" ? 400 : 403);
  if ((req.url ?? "").split("?", 1)[0] === GRAPHQL_PATH) {
    const { site } = await context.session.current();
    const { allowedHosts } = context;
    return handleGraphql({ runtime: site?.runtime, allowedHosts, port: context.port() }, req, res);
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return sendText(res, 405);
  }
  if (isCrossSiteScript(req)) return sendText(res, 403);
  const rawTarget = req.url ?? "";
  const pathname = rawTarget.split("?", 1)[0]!;
  if (pathname === EVENTS_PATH) {
    if (!isAllowedOrigin(req.headers.origin, context.allowedHosts, context.port()))
      return sendText(res, 403);
    context.events.attach(req, res);
    return;
  }
  if (pathname === CLIENT_PATH) {
    return sendBody(req, res, 200, "text/javascript; charset=utf-8", await context.clientCode());
  }
  if (pathname === CHECKS_PATH) {
    // The last build's report (dev renders pages on request and runs no site-wide checks).
    const report = await readFile(
      path.join(context.root, ".kiln", "reports", "checks.json"),
      "utf8",
    )
      .then((text) => JSON.parse(text) as ChecksReport)
      .catch(() => undefined);
    return sendBody(req, res, 200, "text/html; charset=utf-8", renderChecksPage(report));
  }
  const state = await context.session.current();
  const inBase = underBase(rawTarget, state.site?.config.site.base ?? "/");
  if (inBase.kind === "redirect") {
    res.writeHead(302, { location: inBase.location }).end();
    return;
  }
  // Resolved against a stand-in root: only the checks and the decoded segments are wanted.
  const target =
    inBase.kind === "inside" ? resolveRequest(inBase.target, VIRTUAL_ROOT) : OUTSIDE_BASE;
  if (target.kind === "reject") return sendText(res, target.status);
  const relative = toPosix(path.relative(VIRTUAL_ROOT, target.path));

  if (!state.site) {
    // Stylesheets and images still load, so the error page is not the only thing broken.
    const file = await findPublicFile(path.join(context.root, "public"), relative);
    if (file) return sendFile(req, res, file);
    const html = injectClient(renderErrorPage(state.error, context.root));
    return sendBody(req, res, 500, "text/html; charset=utf-8", html);
  }
  const site = state.site;
  const trailing = pathname.endsWith("/");
  const routeKey =
    relative === ""
      ? "index.html"
      : trailing
        ? `${relative}/index.html`
        : site.routes.has(`${relative}.html`) // trailingSlash: false writes `/a` to `a.html`
          ? `${relative}.html`
          : relative;
  if (site.routes.has(routeKey)) return sendPage(context, req, res, site, routeKey, 200);

  const asset = site.assetFiles.get(relative);
  if (asset) return sendBody(req, res, 200, contentTypeOf(relative), asset);
  const image = site.markdownAssets.get(relative);
  if (image !== undefined) {
    const bytes = typeof image === "string" ? await readFile(image) : image;
    return sendBody(req, res, 200, contentTypeOf(relative), bytes);
  }
  const file = await findPublicFile(site.paths.publicDir, relative);
  if (file) return sendFile(req, res, file);
  if (!trailing && relative !== "" && site.routes.has(`${relative}/index.html`))
    return redirectToSlash(res, rawTarget);
  if (site.routes.has("404.html")) return sendPage(context, req, res, site, "404.html", 404);
  return sendText(res, 404);
}

const VIRTUAL_ROOT = path.resolve("/kiln-dev-site");
/** A request outside `site.base`: no page or file answers it, so it gets the 404 page. */
const OUTSIDE_BASE = {
  kind: "file",
  path: path.join(VIRTUAL_ROOT, "\0outside-base"),
  slash: false,
} as const;

async function sendPage(
  context: DevRequestContext,
  req: IncomingMessage,
  res: ServerResponse,
  site: DevSite,
  outputPath: string,
  status: number,
): Promise<void> {
  const route = site.routes.get(outputPath)!;
  const loaded = site.pages.get(route.page.file)!;
  const localized = localize(site.config.site, route.locale, route.alternates);
  let html: string;
  try {
    const page = await renderPageInSite(site.runtime, {
      url: route.url,
      file: route.page.file,
      page: route.page.relative,
      component: loaded.component,
      props: { ...loaded.props, ...route.props, params: route.params, url: route.url },
      site: localized.site,
      islands: site.assets.islands,
      headTags: [
        ...site.assets.stylesFor(loaded.module),
        ...site.assets.headTags,
        ...localized.headTags,
      ],
      markdown: loaded.markdown,
      endpoint: route.page.endpoint !== undefined,
    });
    for (const [output, source] of page.assets) site.markdownAssets.set(output, source);
    if (route.page.endpoint !== undefined) {
      return sendBody(req, res, status, contentTypeOf(outputPath), page.html);
    }
    html = page.html as string;
  } catch (error) {
    context.reportError(error);
    html = renderErrorPage(error, context.root);
    status = 500;
  }
  sendBody(req, res, status, "text/html; charset=utf-8", injectClient(html));
}

/** A regular file of the public folder, through the handler `kiln serve` uses. */
async function findPublicFile(
  publicDir: string,
  relative: string,
): Promise<Extract<StaticFile, { kind: "file" }> | undefined> {
  if (relative === "") return undefined;
  // `relative` has passed resolveRequest's checks: no `..`, no dot files, no backslashes.
  const found = await findStaticFile(publicDir, path.join(publicDir, ...relative.split("/")), {
    slash: false,
    indexes: false,
  });
  return found?.kind === "file" ? found : undefined;
}

/**
 * A classic `<script src>` from another site is not subject to the same-origin policy:
 * refuse it, as Vite does after webpack-dev-server's CVE-2025-30359.
 */
function isCrossSiteScript(req: IncomingMessage): boolean {
  return (
    req.headers["sec-fetch-site"] === "cross-site" && req.headers["sec-fetch-dest"] === "script"
  );
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: { file: string; size: number },
): Promise<void> {
  return sendAnyFile(req, res, file, 200, "no-store");
}

function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
): void {
  sendAny(req, res, status, type, body, "no-store");
}
