import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { isInside } from "../support/index.js";

export type StaticFile =
  | { kind: "file"; file: string; size: number }
  /** A folder with an index page, asked for without its trailing slash. */
  | { kind: "directory" };

/**
 * The file `candidate` names under `root`, for both servers. Containment is checked on real
 * paths before anything else is looked at, so a symbolic link out of the root (a file, a
 * folder, the 404 page) answers exactly as a missing file does: no redirect, no status, no
 * timing difference reveals what exists outside. `candidate` must come from `resolveRequest`.
 */
export async function findStaticFile(
  root: string,
  candidate: string,
  options: { slash: boolean; indexes: boolean },
): Promise<StaticFile | undefined> {
  const realRoot = await realpath(root).catch(() => undefined);
  if (!realRoot) return undefined;
  const real = await containedRealPath(realRoot, candidate);
  if (!real) return undefined;
  const info = await stat(real).catch(() => undefined);
  if (info?.isFile()) return { kind: "file", file: real, size: info.size };
  if (!info?.isDirectory() || !options.indexes) return undefined;
  const index = await containedRealPath(realRoot, path.join(real, "index.html"));
  const indexInfo = index ? await stat(index).catch(() => undefined) : undefined;
  if (!index || !indexInfo?.isFile()) return undefined;
  return options.slash
    ? { kind: "file", file: index, size: indexInfo.size }
    : { kind: "directory" };
}

async function containedRealPath(realRoot: string, file: string): Promise<string | undefined> {
  const real = await realpath(file).catch(() => undefined);
  return real && isInside(realRoot, real) ? real : undefined;
}
