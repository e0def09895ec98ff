import { definePlugin, type KilnPlugin, type PluginRoute } from "../plugins/index.js";
import { withBasePath } from "../support/index.js";
import { contentHashes, hasInlineCode, inlineHashes, type InlineHashes } from "./inline-hashes.js";
import { pageContent } from "./page-content.js";
import { hostFilePath, nginxString } from "./server-file-paths.js";
import { blockedLoads, cspSourcesFor, extendPolicy } from "./csp-sources.js";

/** Hardening headers every response gets. */
const HARDENING: readonly [string, string][] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
];

/**
 * The policy an SVG opened by itself runs under: no script, no frames, no plugins, and a
 * sandbox (an origin of its own), so a `<script>`, an `onload` or a `javascript:` frame in a
 * published SVG cannot act on the site. `kiln serve` sends the same.
 */
export const SVG_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; sandbox";

/**
 * A strict policy for one page: scripts and styles from the site itself and the hashes of
 * exactly the inline code the page has; no `'unsafe-inline'`, no `eval`, no plugins, no
 * framing. Images, media and frames may come from any https origin (remote content links
 * them; they run no script in the page).
 */
export function contentSecurityPolicy(hashes: InlineHashes): string {
  const style = ["'self'", ...hashes.styles];
  if (hashes.styleAttributes.length > 0) style.push("'unsafe-hashes'", ...hashes.styleAttributes);
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...hashes.scripts].join(" ")}`,
    `style-src ${style.join(" ")}`,
    "img-src 'self' data: https:",
    "media-src 'self' https:",
    "frame-src 'self' https:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Built in: `_headers` (Netlify, Cloudflare Pages) and `_headers.nginx.conf` (an nginx
 * include for the server block) with a Content-Security-Policy per page and the usual
 * hardening headers. Real headers, not a `<meta>`: `frame-ancestors` and reporting work only
 * there. Inline code a strict policy cannot allow by hash (an `onclick` attribute, a
 * `javascript:` URL) is reported with its page, never left to fail silently in the browser.
 */
export function securityHeadersPlugin(): KilnPlugin {
  return definePlugin({
    name: "kiln:security-headers",
    hooks: {
      "kiln:output": async ({ config, routes, readFile, writeFile, has, logger }) => {
        if (!config.headers) return;
        const pages: { route: PluginRoute; policy: string }[] = [];
        // An entry shown on many pages is named once.
        const warned = new Set<string>();
        for (const route of routes) {
          if (!route.isPage) continue;
          const html = Buffer.from(await readFile(route.outputPath)).toString("utf8");
          const content = hasInlineCode(html) ? await pageContent(route) : undefined;
          const fromContent = content ? contentHashes(content.map((c) => c.body)) : undefined;
          const hashes = inlineHashes(html, fromContent?.hashes);
          for (const { name, body } of content ?? []) {
            const kinds = contentHashes([body]).kinds;
            if (kinds.length === 0 || warned.has(name)) continue;
            warned.add(name);
            logger.warn(
              `${name} (${route.url}) has inline ${kinds.join(", ")} in its content, which the Content-Security-Policy does not allow: content may not run code; move it into the project's components or script files.`,
            );
          }
          for (const problem of hashes.blocked) {
            logger.warn(
              `${route.pageFile} (${route.url}) has ${problem}, which the Content-Security-Policy blocks; move it into a script file or an island.`,
            );
          }
          const policy = extendPolicy(
            contentSecurityPolicy(hashes),
            cspSourcesFor(route.url, config.csp),
          );
          for (const { directive, url } of blockedLoads(html, policy)) {
            logger.warn(
              `${route.pageFile} (${route.url}) loads ${url}, which its Content-Security-Policy blocks (${directive}); allow it with csp: { directives: { "${directive}": ["${new URL(url, "https://x").origin}"] } } in kiln.config.ts.`,
            );
          }
          pages.push({ route, policy });
        }
        const base = config.site.base;
        if (!has("_headers")) await writeFile("_headers", netlifyHeaders(pages, base));
        await writeFile("_headers.nginx.conf", nginxHeaders(pages, base, config.csp.directives));
      },
    },
  });
}

/** Paths are URLs as browsers ask for them: under `site.base`, percent-encoded. */
function netlifyHeaders(
  pages: readonly { route: PluginRoute; policy: string }[],
  base: string,
): string {
  const blocks = [
    [`${base}*`, ...HARDENING.map(([name, value]) => `  ${name}: ${value}`)].join("\n"),
  ];
  for (const { route, policy } of pages) {
    // 404.html too: a host serves it at any URL, with the policy of its own inline code.
    blocks.push(
      `${hostFilePath(withBasePath(route.url, base))}\n  Content-Security-Policy: ${policy}`,
    );
  }
  return blocks.join("\n\n") + "\n";
}

/**
 * One exact `location` per page file: nginx serves `/posts/a/` by an internal redirect to
 * `/posts/a/index.html`, which lands there. `add_header` in a location replaces the server's,
 * so each carries the hardening headers too. nginx matches the decoded path, so the path is
 * written as it is, in an nginx string: a page name or an entry id is never config syntax.
 */
function nginxHeaders(
  pages: readonly { route: PluginRoute; policy: string }[],
  base: string,
  siteSources: Readonly<Record<string, readonly string[]>>,
): string {
  const hardening = HARDENING.map(([name, value]) => `  add_header ${name} "${value}" always;`);
  // HTML files that are no page (a redirect's page, a plugin's HTML) get the policy of a page
  // with no inline code; each page's exact location wins over it. Only HTML: a worker script
  // takes its policy from its own response, and search's worker compiles WebAssembly.
  const empty = extendPolicy(
    contentSecurityPolicy({ scripts: [], styles: [], styleAttributes: [], blocked: [] }),
    siteSources,
  );
  const lines = [
    "# Generated by Kiln: include inside the server block that serves this folder.",
    ...HARDENING.map(([name, value]) => `add_header ${name} "${value}" always;`),
    "location ~* \\.html$ {",
    ...hardening,
    `  add_header Content-Security-Policy "${empty}" always;`,
    "}",
    "location ~* \\.svgz?$ {",
    ...hardening,
    `  add_header Content-Security-Policy "${SVG_POLICY}" always;`,
    "}",
  ];
  for (const { route, policy } of pages) {
    lines.push(
      `location = ${nginxString(`${base}${route.outputPath}`)} {`,
      ...hardening,
      `  add_header Content-Security-Policy "${policy}" always;`,
      "}",
    );
  }
  return lines.join("\n") + "\n";
}
