import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/**
 * The build writes into a sibling of the output folder and swaps it in at the end, so a
 * failed or killed build leaves the previous output as it was.
 */
export interface Staging {
  readonly dir: string;
  write(relative: string, content: string | Uint8Array): Promise<number>;
  /** Replaces the output folder with the staged one. */
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export async function createStaging(outDir: string): Promise<Staging> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const dir = path.join(parent, `.${base}.kiln-staging-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const made = new Set<string>([dir]);
  return {
    dir,
    // Synchronous on purpose: thousands of small files written one promise at a time left the
    // main thread idle between pages (measured with --cpu-prof); a sync write costs less.
    // eslint-disable-next-line @typescript-eslint/require-await
    async write(relative, content) {
      const target = path.join(dir, relative);
      const folder = path.dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(target, content);
      return typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
    },
    async commit() {
      const old = path.join(parent, `.${base}.kiln-old-${process.pid}`);
      const hadOutput = existsSync(outDir);
      if (hadOutput) await rename(outDir, old);
      await rename(dir, outDir);
      if (hadOutput) await rm(old, { recursive: true, force: true });
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs under the build lock, so leftovers are from builds that died. A build killed between
 * the two renames of `commit()` left the old output aside: put it back before anything else.
 */
export async function recoverInterruptedSwap(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const names = await readdir(parent).catch(() => [] as string[]);
  const leftovers = names.filter(
    (name) => name.startsWith(`.${base}.kiln-staging-`) || name.startsWith(`.${base}.kiln-old-`),
  );
  for (const name of leftovers.sort()) {
    const full = path.join(parent, name);
    if (name.startsWith(`.${base}.kiln-old-`) && !existsSync(outDir)) await rename(full, outDir);
    else await rm(full, { recursive: true, force: true });
  }
}
