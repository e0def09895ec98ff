/**
 * A URL glob as config writes them (`/legacy/**`, `*.example.com`): `*` within one path
 * segment, `**` across segments, `?` one character. A glob that starts with `/` or a scheme
 * matches the whole URL; any other matches anywhere in it.
 */
export function urlGlob(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === "*" && glob[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  const anchored = glob.startsWith("/") || /^[a-z][a-z0-9+.-]*:/i.test(glob);
  return new RegExp(anchored ? `^${source}$` : source);
}
