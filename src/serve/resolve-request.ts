import path from "node:path";
import { isInside } from "../support/index.js";

export type RequestTarget =
  | {
      kind: "file";
      path: string;
      /** The URL ends in `/`: a folder's index is wanted, with no redirect. */
      slash: boolean;
    }
  | { kind: "reject"; status: 400 | 403 | 404 };

/**
 * Maps a raw request target to a path inside `root`, or refuses it. Written for hostile
 * input: encoded and double-encoded dots, backslashes, NUL, `#`, dot files, absolute forms.
 */
export function resolveRequest(rawTarget: string, root: string): RequestTarget {
  if (!rawTarget.startsWith("/") || rawTarget.startsWith("//"))
    return { kind: "reject", status: 400 };
  const pathname = rawTarget.split("?", 1)[0]!;
  if (pathname.includes("#")) return { kind: "reject", status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: "reject", status: 400 };
  }
  if (/[\\\p{Cc}]/u.test(decoded) || decoded.includes("%")) return { kind: "reject", status: 400 };
  const segments = decoded.split("/");
  if (segments.some((s) => s === "..")) return { kind: "reject", status: 403 };
  if (segments.some((s) => s.startsWith(".") && s !== ".well-known"))
    return { kind: "reject", status: 404 };
  const resolved = path.join(root, ...segments);
  if (!isInside(root, resolved)) return { kind: "reject", status: 403 };
  return { kind: "file", path: resolved, slash: pathname.endsWith("/") };
}
