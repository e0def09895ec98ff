import { KilnError, catalog } from "../errors/index.js";
import { servedFile, withBasePath } from "../support/index.js";
import { definePlugin, type KilnPlugin, type PluginRoute } from "../plugins/index.js";
import { entriesOf } from "./entry-dates.js";
import { hostFilePath } from "./server-file-paths.js";
import { absoluteUrl, escapeXml, siteRoot } from "./xml-escape.js";

/** A moved URL: from the config's `redirects` or a page's `aliases`. */
export interface Redirect {
  from: string;
  to: string;
  /** Where it was declared, for errors: the config, or the page file. */
  origin: string;
}

/** `/a`, `/a/` and `/a/index.html` are one URL to a host serving pretty URLs. */
function urlKey(url: string): string {
  return url.replace(/index\.html$/, "").replace(/\/$/, "") || "/";
}

const SITE_PATH = /^\/[^\s*:]*$/;
const CONFIG = "kiln.config.ts";

/**
 * The config's redirects and every page's `aliases` (front matter of a markdown page, or the
 * data of the entry a page shows): one list, each checked. A redirect from a page's URL or
 * a public file, two redirects from one URL to different places, and an alias that is not a
 * site path are all listed in one error.
 */
export function collectRedirects(
  configured: readonly { from: string; to: string }[],
  routes: readonly PluginRoute[],
  isFile: (outputPath: string) => boolean,
): Redirect[] {
  const problems: string[] = [];
  const redirects: Redirect[] = configured.map((r) => ({ ...r, origin: CONFIG }));
  for (const route of routes) {
    for (const data of [route.data, ...entriesOf(route)]) {
      const aliases = data["aliases"];
      if (aliases === undefined) continue;
      const origin = `src/pages/${route.pageFile}`;
      if (
        !Array.isArray(aliases) ||
        aliases.some((a) => typeof a !== "string" || !SITE_PATH.test(a))
      ) {
        problems.push(`${origin} (${route.url}): aliases must be site paths such as "/old-url/"`);
        continue;
      }
      for (const from of aliases as string[]) redirects.push({ from, to: route.url, origin });
    }
  }
  const pages = new Map(routes.map((r) => [urlKey(r.url), r.pageFile]));
  const seen = new Map<string, Redirect>();
  for (const redirect of redirects) {
    const key = urlKey(redirect.from);
    const page = pages.get(key);
    const earlier = seen.get(key);
    const unsafe = unsafeRedirect(redirect);
    if (unsafe) problems.push(`${redirect.from} (${redirect.origin}) ${unsafe}`);
    else if (!SITE_PATH.test(redirect.from)) seen.set(key, redirect);
    else if (page)
      problems.push(`${redirect.from} (${redirect.origin}) is the page src/pages/${page}`);
    else if (fileIn(servedFile(redirect.from), isFile))
      problems.push(
        `${redirect.from} (${redirect.origin}) is the file ${fileIn(servedFile(redirect.from), isFile)}`,
      );
    else if (earlier && earlier.to !== redirect.to)
      problems.push(
        `${redirect.from} leads to ${earlier.to} (${earlier.origin}) and to ${redirect.to} (${redirect.origin})`,
      );
    seen.set(key, redirect);
  }
  if (problems.length > 0) throw new KilnError(catalog.RedirectConflict({ problems }));
  return [...new Map(redirects.map((r) => [urlKey(r.from), r])).values()];
}

/** Files hosts read as their config: a redirect page there would replace or shadow them. */
const SERVER_FILES = new Set(["_headers", "_redirects", "_headers.nginx.conf"]);

/**
 * Why a redirect cannot be written, if it cannot: a `.` or `..` segment or an empty one (the
 * page would land elsewhere than the URL, or outside the output), a start at a host's own
 * file, or a target that is no site path or web URL (`javascript:` and `data:` would run in
 * the redirect page's link and refresh).
 */
function unsafeRedirect({ from, to }: Redirect): string | undefined {
  const segments = from.split(/[?#]/)[0]!.split("/").slice(1);
  if (segments.some((s, i) => s === "." || s === ".." || (s === "" && i < segments.length - 1)))
    return "has an empty, `.` or `..` segment: write the path as a browser asks for it";
  if (SERVER_FILES.has(segments[0] ?? ""))
    return `starts at ${segments[0]}, a file hosts read as their config`;
  if (!/^(?:\/|https?:\/\/)/i.test(to.trim()))
    return `leads to ${JSON.stringify(to)}: a redirect leads to a site path ("/new/") or an http(s) URL`;
  return undefined;
}

/** The served file, or a folder it is inside, when one is already a file in the output. */
function fileIn(file: string, isFile: (outputPath: string) => boolean): string | undefined {
  const parts = file.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join("/");
    if (isFile(prefix)) return prefix;
  }
  return undefined;
}

/**
 * `_redirects` lines (`from to 301`), Netlify's and Cloudflare Pages' format, under `base`.
 * Both paths are percent-encoded, so a space in a page's name keeps the line at three fields;
 * `*` and `:splat` stay patterns only in the config's own redirects.
 */
export function redirectsFile(redirects: readonly Redirect[], base = "/"): string {
  return redirects
    .map(({ from, to, origin }) => {
      const configured = origin === CONFIG;
      const source = hostFilePath(withBasePath(from, base), configured);
      return `${source} ${hostFilePath(withBasePath(to, base), configured)} 301\n`;
    })
    .join("");
}

/**
 * The page a plain host (nginx, object storage) serves at a moved URL: an immediate meta
 * refresh, which search engines treat as a permanent redirect, a canonical link to the new
 * URL, and a link for anyone whose browser does not follow it.
 */
export function redirectPage(
  to: string,
  site: { url?: string | undefined; base: string; lang: string },
): string {
  const root = siteRoot(site);
  const target = escapeXml(withBasePath(to, site.base));
  const canonical = root ? escapeXml(absoluteUrl(root, to)) : target;
  const lang = site.lang;
  return (
    `<!doctype html><html lang="${escapeXml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Moved to ${target}</title><link rel="canonical" href="${canonical}">` +
    `<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=${target}">` +
    `</head><body><p>This page has moved to <a href="${target}">${target}</a>.</p></body></html>\n`
  );
}

/**
 * Built in: the config's `redirects` and pages' `aliases` as `_redirects` (unless public/ has
 * one) and, with `redirectPages` (the default), a small HTML page at each old URL.
 */
export function redirectsPlugin(): KilnPlugin {
  return definePlugin({
    name: "kiln:redirects",
    hooks: {
      "kiln:output": async ({ config, routes, writeFile, has }) => {
        const redirects = collectRedirects(config.redirects, routes, has);
        if (redirects.length === 0) return;
        if (!has("_redirects"))
          await writeFile("_redirects", redirectsFile(redirects, config.site.base));
        if (!config.redirectPages) return;
        // A pattern (`/blog/*`) is for hosts that read _redirects; it has no one page.
        for (const { from, to } of redirects.filter((r) => SITE_PATH.test(r.from)))
          await writeFile(servedFile(from), redirectPage(to, config.site));
      },
    },
  });
}
