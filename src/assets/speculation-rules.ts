/** How eagerly the browser prefetches a same-site link, or false for not at all. */
export type PrefetchEagerness = false | "conservative" | "moderate" | "eager";

/**
 * A Speculation Rules tag that prefetches same-site links: the browser does the work, no
 * script runs. Links to Kiln's own files and ones marked `rel="nofollow"` are left alone.
 * It is a `<script>` element, but JSON the browser reads, never executes.
 */
export function renderSpeculationRules(eagerness: PrefetchEagerness): string[] {
  if (eagerness === false) return [];
  const rules = {
    prefetch: [
      {
        source: "document",
        where: {
          and: [
            { href_matches: "/*" },
            { not: { href_matches: "/_kiln/*" } },
            { not: { selector_matches: "[rel~=nofollow]" } },
          ],
        },
        eagerness,
      },
    ],
  };
  return [`<script type="speculationrules">${JSON.stringify(rules)}</script>`];
}
