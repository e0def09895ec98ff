/**
 * Matches a collection's `include`/`exclude` patterns against entry paths (relative to the
 * collection's folder, `/`-separated): `*` and `?` within one segment, `**` across segments,
 * `{a,b}` alternatives. Small enough to keep here rather than add a glob dependency for it.
 */
export function globMatcher(patterns: readonly string[]): (relative: string) => boolean {
  const regexes = patterns.map(globRegex);
  return (relative) => regexes.some((regex) => regex.test(relative));
}

function globRegex(pattern: string): RegExp {
  let source = "";
  let braces = 0;
  const glob = pattern.replace(/^\.\//, "");
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === "*" && glob[i + 1] === "*") {
      // `**/` matches any number of folders, none included; a trailing `**` everything below.
      const slash = glob[i + 2] === "/";
      source += slash ? "(?:[^/]*/)*" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{") {
      braces++;
      source += "(?:";
    } else if (char === "}" && braces > 0) {
      braces--;
      source += ")";
    } else if (char === "," && braces > 0) source += "|";
    else source += char.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  // A pattern naming a folder (`drafts/`) covers what is inside it.
  if (source.endsWith("/")) source += ".*";
  return new RegExp(`^${source}$`);
}
