import { definePlugin, type KilnPlugin } from "../plugins/index.js";
import { inlineHashes } from "./inline-hashes.js";
import { contentSecurityPolicy } from "./security-headers.js";

/** Directives a `<meta>` policy cannot carry: browsers ignore them there. */
const HEADER_ONLY = /^(?:frame-ancestors|sandbox|report-uri|report-to)\b/;

/**
 * Built in with `cspMeta`: each page's policy also as the first tag of its `<head>`, for hosts
 * that send no headers (GitHub Pages, a bare bucket). In the page hook, so it is computed from
 * the page's final inline code wherever the page renders, after every other page hook.
 */
export function cspMetaPlugin(): KilnPlugin {
  return definePlugin({
    name: "kiln:csp-meta",
    hooks: {
      "kiln:page": ({ html }) => {
        const policy = contentSecurityPolicy(inlineHashes(html))
          .split("; ")
          .filter((directive) => !HEADER_ONLY.test(directive))
          .join("; ");
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}">`;
        // After the charset, which must come first; before any script or style it governs.
        const at = /<meta charset="[^"]*">/i.exec(html) ?? /<head>/i.exec(html);
        if (!at) return html;
        const end = at.index + at[0].length;
        return `${html.slice(0, end)}\n${meta}${html.slice(end)}`;
      },
    },
  });
}
