import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { ResolvedConfig } from "../config/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { isInside } from "../support/index.js";

/** Every folder a build reads or writes, absolute. */
export interface ProjectPaths {
  root: string;
  pagesDir: string;
  layoutsDir: string;
  contentDir: string;
  publicDir: string;
  outDir: string;
  /** `.kiln/`: compiled modules, caches, the dependency graph. Safe to delete. */
  cacheDir: string;
}

/**
 * The project folder as every stage sees it: absolute and with symbolic links resolved, once,
 * here. A root given through a link (`kiln build ./link`; /tmp on macOS) mixed with real paths
 * found below it made entry ids like `../../real/src/content/posts/first`.
 */
export function resolveRoot(given: string): string {
  const root = path.resolve(given);
  if (!existsSync(root)) throw new KilnError(catalog.RootMissing({ root }));
  return realpathSync(root);
}

export function resolveProjectPaths(
  root: string,
  config: ResolvedConfig,
  outDirOverride?: string,
): ProjectPaths {
  const srcDir = path.join(root, "src");
  return {
    root,
    pagesDir: path.join(srcDir, "pages"),
    layoutsDir: path.join(srcDir, "layouts"),
    contentDir: path.join(srcDir, "content"),
    publicDir: path.resolve(root, config.publicDir),
    outDir: path.resolve(root, outDirOverride ?? config.outDir),
    cacheDir: cacheDirOf(root),
  };
}

/** `.kiln/`: compiled modules, caches, the dependency graph. Safe to delete. */
export function cacheDirOf(root: string): string {
  return path.join(root, ".kiln");
}

/**
 * The output folder is replaced whole on every build, so it must hold nothing else of value:
 * not the project, not a repository, not the sources.
 */
export function assertSafeOutDir(paths: ProjectPaths): void {
  const { outDir, root } = paths;
  const refuse = (reason: string) => new KilnError(catalog.OutDirUnsafe({ outDir, reason }));
  if (isInside(outDir, root))
    throw refuse(outDir === root ? "it is the project folder" : "it contains the project folder");
  for (const [name, folder] of [
    ["source folder", path.join(root, "src")],
    ["public folder", paths.publicDir],
    ["cache folder", paths.cacheDir],
  ] as const) {
    if (isInside(folder, outDir) || isInside(outDir, folder))
      throw refuse(`it overlaps the ${name} ${folder}`);
  }
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) throw refuse("it is a file, not a folder");
  if (existsSync(path.join(outDir, ".git"))) throw refuse("it contains a .git folder");
}
