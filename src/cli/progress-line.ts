import type { BuildProgress } from "../build/index.js";

/** A build's progress, or any other stage's (a deploy's uploads). */
type LineProgress = Omit<BuildProgress, "stage"> & { stage: string };

/**
 * A live status line on a terminal; nothing in CI or a pipe, where only the summary is
 * wanted. Redrawn at most every 100 ms, so printing never slows the build.
 */
export function createProgressLine(
  stream: Pick<NodeJS.WriteStream, "isTTY" | "write">,
  env: NodeJS.ProcessEnv = process.env,
): {
  update(progress: LineProgress): void;
  clear(): void;
} {
  const live = stream.isTTY === true && !env.CI;
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(progress) {
      if (!live) return;
      const now = performance.now();
      const final = progress.done !== undefined && progress.done === progress.total;
      if (now - last < 100 && !final) return;
      last = now;
      const count =
        progress.total === undefined
          ? ""
          : ` ${progress.done ?? 0}/${progress.total} ${progress.unit ?? "pages"}`;
      const detail = progress.detail === undefined ? "" : ` ${progress.detail}`;
      const seconds = ((now - started) / 1000).toFixed(1);
      stream.write(`\r\x1b[2K${progress.stage}${detail}${count} · ${seconds}s`);
      shown = true;
    },
    clear() {
      if (shown) stream.write("\r\x1b[2K");
      shown = false;
    },
  };
}
