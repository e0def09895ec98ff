/** Schemes a URL from a remote source may use in a page; anything else is dropped. */
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * The URL when a page may link to it: relative, or with a safe scheme. `javascript:`,
 * `data:`, `vbscript:` and the like give undefined, however they are spelt (entities and
 * control characters are stripped by the URL parser, as browsers do). One rule for URLs in
 * sanitized HTML and in the data fields of remote entries (`link`, `url`), which Preact
 * writes into `href` unchanged.
 */
export function safeUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  let scheme: string;
  try {
    scheme = new URL(trimmed, "relative:/").protocol;
  } catch {
    return undefined;
  }
  if (scheme === "relative:") return trimmed;
  return SAFE_SCHEMES.has(scheme) ? trimmed : undefined;
}

/** An embed's source: absolute https only (not http, not protocol-relative `//host`). */
export function safeEmbedUrl(value: string): string | undefined {
  const url = safeUrl(value);
  return url && /^https:\/\//i.test(url) ? url : undefined;
}

/** A `srcset` with only the candidates whose URL is safe; undefined when none is left. */
export function safeSrcset(value: string): string | undefined {
  const kept = parseSrcset(value).filter((candidate) => safeUrl(candidate.url) !== undefined);
  return kept.length > 0
    ? kept.map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url)).join(", ")
    : undefined;
}

/**
 * Candidates as the HTML standard splits them: a URL is a run without whitespace (so the
 * comma inside `data:image/png;base64,AAAA` stays in it), then descriptors up to a comma.
 */
function parseSrcset(value: string): { url: string; descriptor: string }[] {
  const candidates: { url: string; descriptor: string }[] = [];
  let rest = value;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, "");
    const token = /^\S+/.exec(rest)?.[0];
    if (token === undefined) return candidates;
    rest = rest.slice(token.length);
    let descriptor = "";
    if (!token.endsWith(",")) {
      descriptor = /^[^,]*/.exec(rest)![0];
      rest = rest.slice(descriptor.length);
    }
    candidates.push({ url: token.replace(/,+$/, ""), descriptor: descriptor.trim() });
  }
}
