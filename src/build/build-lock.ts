import { openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
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
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid))
        throw new KilnError(catalog.BuildLocked({ pid }));
      rmSync(file, { force: true });
    }
  }
  throw new KilnError(catalog.BuildLocked({ pid: 0 }));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
