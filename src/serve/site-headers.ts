import { readFileSync, statSync } from "node:fs";
import path from "node:path";

interface HeaderRule {
  /** `/a/` exactly, or a prefix when the pattern ended in `*`. */
  path: string;
  splat: boolean;
  headers: [string, string][];
}

/**
 * The headers a site's `_headers` file (Netlify, Cloudflare Pages; Kiln writes one) gives a
 * URL, so `kiln serve` answers as production does: the same Content-Security-Policy, the same
 * hardening headers. Re-read when the file changes (a build swaps the output under serve).
 */
export function createSiteHeaders(root: string): (pathname: string) => [string, string][] {
  const file = path.join(root, "_headers");
  let cached: { stamp: string; rules: HeaderRule[] } | undefined;
  const rules = (): HeaderRule[] => {
    let stamp: string;
    try {
      const stat = statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      return [];
    }
    if (cached?.stamp !== stamp)
      cached = { stamp, rules: parseHeaders(readFileSync(file, "utf8")) };
    return cached.rules;
  };
  return (pathname) => {
    // `_headers` may name a path escaped or as written: the request's raw and decoded forms.
    const forms = new Set([pathname, safeDecode(pathname)]);
    const found: [string, string][] = [];
    for (const rule of rules()) {
      const matches = [...forms].some((form) =>
        rule.splat ? form.startsWith(rule.path) : form === rule.path,
      );
      if (matches) found.push(...rule.headers);
    }
    return found;
  };
}

/** `/path` lines, each followed by indented `Name: value` lines; `#` comments. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      const splat = pattern.endsWith("*");
      rules.push({ path: splat ? pattern.slice(0, -1) : pattern, splat, headers: [] });
      continue;
    }
    const at = line.indexOf(":");
    const rule = rules.at(-1);
    if (!rule || at === -1) continue;
    rule.headers.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
  }
  return rules;
}

function safeDecode(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}
