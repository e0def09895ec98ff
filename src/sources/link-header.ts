/**
 * The `rel="next"` target of an RFC 8288 Link header, resolved against the response URL:
 * `<https://api.example/items?page=2>; rel="next", <...>; rel="last"`.
 */
export function findNextLink(header: string | null, base: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(match[2]!);
    const relations = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (relations.includes("next")) return new URL(match[1]!, base).href;
  }
  return undefined;
}
