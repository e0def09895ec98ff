import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { toPosix, withBasePath } from "../support/index.js";
import { pageLinks } from "./page-links.js";

/** A link in the output that leads nowhere. */
export interface BrokenLink {
  /** The page's URL. */
  page: string;
  /** The page's source file, relative to the project, when it has one. */
  source: string | undefined;
  link: string;
  problem: string;
  /** `link-fragment` when the file exists but not the #fragment, else `link-target`. */
  rule: "link-target" | "link-fragment";
}

export interface CheckLinksOptions {
  /** The output folder, complete (pages, public files, assets, plugin outputs). */
  dir: string;
  /** Output path → the page's URL and source file, for every HTML page. */
  pages: ReadonlyMap<string, { url: string; source: string | undefined }>;
  /** Other checks of each page, given the HTML this check read (one read per page). */
  inspect?: ((outputPath: string, html: string) => void) | undefined;
  /** `site.base`: links lead under it; the files are at the output's root. @default "/" */
  base?: string | undefined;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Every internal `href`, `src` and `srcset` of every page must lead to a file of the output,
 * and every `#fragment` to an id on its page. Reads each page once; returns all the problems.
 */
export async function checkLinks({
  dir,
  pages,
  inspect,
  base = "/",
}: CheckLinksOptions): Promise<BrokenLink[]> {
  const files = await listFiles(dir);
  const idsOf = new Map<string, Set<string>>();
  const linksOf = new Map<string, string[]>();
  for (const outputPath of pages.keys()) {
    // Synchronous on purpose: awaiting 10,000 small reads one by one left the thread idle
    // for two thirds of the check.
    const html = readFileSync(path.join(dir, outputPath), "utf8");
    inspect?.(outputPath, html);
    const { ids, links } = pageLinks(html);
    idsOf.set(outputPath, ids);
    linksOf.set(outputPath, links);
  }
  const broken: BrokenLink[] = [];
  // Most links of a site lead to a few hundred targets: each path is resolved once.
  const resolved = new Map<string, string | undefined>();
  const resolve = (pathname: string) => {
    if (!resolved.has(pathname)) resolved.set(pathname, resolveFile(pathname, files));
    return resolved.get(pathname);
  };
  for (const [outputPath, links] of linksOf) {
    const page = pages.get(outputPath)!;
    for (const link of new Set(links)) {
      const problem = problemOf(
        link,
        withBasePath(page.url, base),
        base,
        resolve,
        idsOf,
        outputPath,
      );
      if (problem)
        broken.push({
          page: page.url,
          source: page.source,
          link,
          problem,
          rule: problem.startsWith("has no element with id") ? "link-fragment" : "link-target",
        });
    }
  }
  return broken;
}

function problemOf(
  link: string,
  pageUrl: string,
  base: string,
  resolve: (pathname: string) => string | undefined,
  idsOf: ReadonlyMap<string, Set<string>>,
  from: string,
): string | undefined {
  if (link === "" || EXTERNAL.test(link)) return undefined;
  const hashAt = link.indexOf("#");
  const fragment = hashAt === -1 ? undefined : link.slice(hashAt + 1);
  const target = (hashAt === -1 ? link : link.slice(0, hashAt)).replace(/\?.*$/, "");
  let file = from;
  if (target !== "") {
    let pathname: string;
    try {
      // An absolute path needs no URL parser (most links of a site are): only its escapes.
      const absolute = target.startsWith("/") && !/\/\.\.?(?:\/|$)/.test(target);
      const raw = absolute ? target : new URL(target, `http://site${pageUrl}`).pathname;
      pathname = raw.includes("%") ? decodeURIComponent(raw) : raw;
    } catch {
      return "is not a valid URL";
    }
    // Links carry the base path (`/docs/a/`); files are at the output's root (`a/index.html`).
    if (!pathname.startsWith(base)) return `leads outside the site's base path ${base}`;
    const found = resolve(`/${pathname.slice(base.length)}`);
    if (found === undefined) return "leads to no file of the site";
    file = found;
  }
  if (fragment === undefined || fragment === "" || fragment === "top") return undefined;
  const ids = idsOf.get(file);
  if (ids && !ids.has(safeDecode(fragment))) return `has no element with id "${fragment}" there`;
  return undefined;
}

/** `/a/` → `a/index.html`; `/a` → `a`, `a.html` or `a/index.html`, as static hosts serve them. */
function resolveFile(pathname: string, files: ReadonlySet<string>): string | undefined {
  const relative = pathname.replace(/^\/+/, "");
  const candidates = pathname.endsWith("/")
    ? [`${relative}index.html`]
    : [relative, `${relative}.html`, `${relative}/index.html`];
  return candidates.find((candidate) => files.has(candidate));
}

/** Every file under `dir`, relative, with `/` separators (staging holds no symbolic links). */
async function listFiles(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Set<string>();
  for (const entry of entries) {
    if (entry.isFile())
      files.add(toPosix(path.relative(dir, path.join(entry.parentPath, entry.name))));
  }
  return files;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
