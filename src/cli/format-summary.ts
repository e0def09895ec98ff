import path from "node:path";
import type { BuildResult } from "../build/index.js";

export function formatSummary(result: BuildResult, cwd: string): string {
  const where = path.relative(cwd, result.outDir) || ".";
  return (
    `Built ${result.pages} ${result.pages === 1 ? "page" : "pages"}, ` +
    `${result.files} files, ${formatBytes(result.bytes)} in ${result.seconds.toFixed(2)}s` +
    `${result.workers ? ` (${result.workers} ${result.workers === 1 ? "worker" : "workers"})` : ""} → ${where}` +
    (result.reused > 0 ? ` (${result.reused} unchanged)` : "") +
    "\n" +
    (result.verified === undefined
      ? ""
      : `Verified: all ${result.verified} files are byte-identical to a cold build.\n`)
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
