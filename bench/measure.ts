import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Run {
  seconds: number;
  peakRssMiB: number;
}

/**
 * Runs one build under GNU time, which reports the peak resident set of the process (worker
 * threads included, as they share it). Wall time is taken here, around the whole process.
 */
export function measure(command: string[], cwd: string): Run {
  const timeFile = path.join(os.tmpdir(), `kiln-bench-time-${process.pid}`);
  const started = performance.now();
  const result = spawnSync("/usr/bin/time", ["-f", "%M", "-o", timeFile, ...command], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    throw new Error(
      `${command.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  const kib = Number(readFileSync(timeFile, "utf8").trim().split("\n").pop());
  rmSync(timeFile, { force: true });
  return { seconds, peakRssMiB: kib / 1024 };
}

/** Counts the `index.html` files under `dir`: the pages a build wrote. */
export function countPages(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === "index.html") count++;
  }
  return count;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
