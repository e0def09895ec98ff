/** What a request means for a site served under a base path such as `/docs/`. */
export type BaseTarget =
  /** The request target without the base (`/docs/a/?q` → `/a/?q`). */
  | { kind: "inside"; target: string }
  /** `/` or `/docs`: the site's root is at the base. */
  | { kind: "redirect"; location: string }
  | { kind: "outside" };

/**
 * `kiln serve` and `kiln dev` serve a site with `site.base` under that path, as its host
 * will: the output's files are at its root, the URLs of its pages under the base.
 */
export function underBase(rawTarget: string, base: string): BaseTarget {
  if (base === "/") return { kind: "inside", target: rawTarget };
  const queryAt = rawTarget.indexOf("?");
  const pathname = queryAt === -1 ? rawTarget : rawTarget.slice(0, queryAt);
  if (pathname.startsWith(base))
    return { kind: "inside", target: `/${rawTarget.slice(base.length)}` };
  if (pathname === "/" || pathname === base.slice(0, -1))
    return { kind: "redirect", location: base };
  return { kind: "outside" };
}
