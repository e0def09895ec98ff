import { attributesOf, forEachTag, urlGlob } from "../support/index.js";

/** Extra sources per CSP directive (`{ "script-src": ["https://www.googletagmanager.com"] }`). */
export type CspSources = Readonly<Record<string, readonly string[]>>;

/** `csp` of the config (see src/config/schema.ts). */
export interface CspOptions {
  directives: CspSources;
  /** URL glob → sources added on the pages it matches. */
  routes: Readonly<Record<string, CspSources>>;
}

/** The sources the config adds on one page: site-wide, then each matching route pattern's. */
export function cspSourcesFor(url: string, options: CspOptions): Record<string, string[]> {
  const sources: Record<string, string[]> = {};
  const add = (extra: CspSources) => {
    for (const [directive, list] of Object.entries(extra))
      (sources[directive] ??= []).push(...list.filter((s) => !sources[directive]!.includes(s)));
  };
  add(options.directives);
  for (const [pattern, extra] of Object.entries(options.routes))
    if (urlGlob(pattern).test(url)) add(extra);
  return sources;
}

/** Adds sources to a policy string: to the directive's list, or as a new `'self'` directive. */
export function extendPolicy(
  policy: string,
  extra: Readonly<Record<string, readonly string[]>>,
): string {
  const directives = policy.split("; ").map((part) => part.split(" "));
  for (const [name, sources] of Object.entries(extra)) {
    if (sources.length === 0) continue;
    const found = directives.find(([directive]) => directive === name);
    if (!found) directives.push([name, "'self'", ...sources]);
    else
      for (const source of sources) {
        // A page whose directive is 'none' (object-src) opens only to what is named.
        if (found[1] === "'none'") found.splice(1, 1);
        if (!found.includes(source)) found.push(source);
      }
  }
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** What a page loads from elsewhere, by the directive that governs it. */
const LOADS: readonly { tag: string; attribute: string; directive: string; rel?: RegExp }[] = [
  { tag: "script", attribute: "src", directive: "script-src" },
  { tag: "link", attribute: "href", directive: "style-src", rel: /\bstylesheet\b/i },
  { tag: "link", attribute: "href", directive: "font-src", rel: /\bpreload\b/i },
  { tag: "iframe", attribute: "src", directive: "frame-src" },
  { tag: "img", attribute: "src", directive: "img-src" },
  { tag: "form", attribute: "action", directive: "form-action" },
];

/**
 * The external URLs of a page's scripts, stylesheets, fonts, frames, images and form targets
 * that its policy would block: what the browser would refuse in production, said at build.
 */
export function blockedLoads(html: string, policy: string): { directive: string; url: string }[] {
  const directives = new Map(
    policy.split("; ").map((part) => {
      const [name = "", ...sources] = part.split(" ");
      return [name, sources] as const;
    }),
  );
  const blocked: { directive: string; url: string }[] = [];
  const visit = (tag: string, attributes: ReadonlyMap<string, string>) => {
    for (const load of LOADS) {
      if (load.tag !== tag) continue;
      if (load.rel && !load.rel.test(attributes.get("rel") ?? "")) continue;
      if (load.directive === "font-src" && attributes.get("as") !== "font") continue;
      const url = attributes.get(load.attribute);
      if (!url || !/^(?:https?:)?\/\//i.test(url)) continue;
      const sources = directives.get(load.directive) ?? directives.get("default-src") ?? [];
      if (!allows(sources, url)) blocked.push({ directive: load.directive, url });
    }
  };
  // forEachTag skips scripts whole (their text is not markup): their opening tags are read here.
  for (const [, attributes = ""] of html.matchAll(/<script\b([^>]*)>/gi))
    visit("script", attributesOf(attributes));
  forEachTag(html, visit);
  return blocked;
}

/** CSP source matching for scheme, host (with `*.` wildcard) and path-prefix sources. */
function allows(sources: readonly string[], raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw, "https://site.invalid");
  } catch {
    return false;
  }
  return sources.some((source) => {
    if (source === "*") return true;
    if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return url.protocol === source.toLowerCase();
    const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+)(?::(\d+|\*))?(\/.*)?$/i.exec(
      source,
    );
    if (!match || source.startsWith("'")) return false;
    const [, scheme, wildcard, host = "", port, pathname] = match;
    if (scheme && `${scheme.toLowerCase()}:` !== url.protocol) return false;
    const hostname = url.hostname.toLowerCase();
    const hostOk = wildcard
      ? hostname.endsWith(`.${host.toLowerCase()}`)
      : hostname === host.toLowerCase();
    if (!hostOk) return false;
    if (port && port !== "*" && url.port !== port) return false;
    if (pathname)
      return pathname.endsWith("/") ? url.pathname.startsWith(pathname) : url.pathname === pathname;
    return true;
  });
}
