import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { KilnError, catalog } from "../errors/index.js";

/**
 * One build per project at a time: two builds swapping the same output folder would lose
 * work. The lock holds the owner's pid; a lock whose process is gone is stale and taken over.
 * It lives in the project folder, not in `.kiln/`: `.kiln/` may be deleted at any time, and
 * deleting it during a build let a second build start beside the first.
 */
export function lockFileOf(root: string): string {
  return path.join(root, ".kiln-build.lock");
}

export function acquireBuildLock(root: string): () => void {
  const file = lockFileOf(root);
  // The lock appears with its pid already in it (a hard link of a file written first), so no
  // other build can find it empty: one that did took it for stale and built beside its owner.
  const written = `${file}.${process.pid}.tmp`;
  writeFileSync(written, String(process.pid));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(written, file);
        return () => rmSync(file, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const pid = ownerOf(file);
        if (pid === undefined) continue; // gone meanwhile: its owner finished
        if (pid === 0 || isAlive(pid)) throw new KilnError(catalog.BuildLocked({ pid }));
        removeStale(file, pid);
      }
    }
    throw new KilnError(catalog.BuildLocked({ pid: ownerOf(file) ?? 0 }));
  } finally {
    rmSync(written, { force: true });
  }
}

/** The pid in the lock; 0 when it holds none (not written by this Kiln: never taken over). */
function ownerOf(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const pid = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(pid) && pid > 0 ? pid : 0;
}

/**
 * Removes a dead owner's lock by moving it aside first: if another build took it over between
 * our read and now, what we moved is that build's live lock, and it goes back.
 */
function removeStale(file: string, deadPid: number): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = ownerOf(aside);
  if (moved !== deadPid) {
    try {
      linkSync(aside, file);
    } finally {
      rmSync(aside, { force: true });
    }
    throw new KilnError(catalog.BuildLocked({ pid: moved ?? 0 }));
  }
  rmSync(aside, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
