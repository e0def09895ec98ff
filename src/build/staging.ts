import { existsSync, lstatSync, mkdirSync, writeFileSync } from "node:fs";
import {
  link as hardLink,
  mkdir,
  readFile,
  readdir,
  readlink,
  rename,
  rm,
  symlink,
} from "node:fs/promises";
import path from "node:path";

/**
 * The output folder is a symbolic link to a versioned folder beside it
 * (`dist` → `.dist.kiln-out-<id>`). A build writes a new version and swaps the link with one
 * `rename()`, which replaces a link atomically: at every instant `dist` is either the whole
 * old output or the whole new one, and never missing (two renames of a real folder left a
 * window with no `dist` at all). A failed or killed build leaves the previous output as it was.
 */
export interface Staging {
  readonly dir: string;
  write(relative: string, content: string | Uint8Array): Promise<number>;
  /**
   * Like `write`, but links the current output's file when it has the same bytes, so a
   * whole-site file that did not change (a feed, a redirect page) keeps its inode and mtime.
   */
  writeKeeping(relative: string, content: string | Uint8Array): Promise<number>;
  /** Points the output folder at the staged version, then removes older versions. */
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export interface StagingOptions {
  /** Told when an old version cannot be removed: the build has succeeded all the same. */
  warn: (message: string) => void;
}

/** `.dist.kiln-` for `…/dist`: every name Kiln makes beside the output starts with it. */
function prefixOf(outDir: string): string {
  return `.${path.basename(outDir)}.kiln-`;
}

export async function createStaging(outDir: string, options: StagingOptions): Promise<Staging> {
  const parent = path.dirname(outDir);
  const stamp = `${Date.now().toString(36)}-${process.pid}`;
  const dir = path.join(parent, `${prefixOf(outDir)}out-${stamp}`);
  await mkdir(dir, { recursive: true });
  const made = new Set<string>([dir]);
  // Synchronous on purpose: thousands of small files written one promise at a time left the
  // main thread idle between pages (measured with --cpu-prof); a sync write costs less.
  // eslint-disable-next-line @typescript-eslint/require-await
  const write = async (relative: string, content: string | Uint8Array): Promise<number> => {
    const target = path.join(dir, relative);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, content);
    return typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
  };
  return {
    dir,
    write,
    async writeKeeping(relative, content) {
      const bytes = typeof content === "string" ? Buffer.from(content) : content;
      const current = path.join(outDir, relative);
      const same = await readFile(current).then(
        (previous) => Buffer.compare(previous, bytes) === 0,
        () => false,
      );
      if (!same) return write(relative, bytes);
      const target = path.join(dir, relative);
      await mkdir(path.dirname(target), { recursive: true });
      // A file system without hard links gets a copy.
      return hardLink(current, target).then(
        () => bytes.byteLength,
        () => write(relative, bytes),
      );
    },
    async commit() {
      const link = path.join(parent, `${prefixOf(outDir)}link-${stamp}`);
      await symlink(path.basename(dir), link);
      if (isRealFolder(outDir)) {
        // An output written before versions (or by hand): the one swap with a short window.
        await rename(outDir, path.join(parent, `${prefixOf(outDir)}out-previous-${stamp}`));
      }
      await rename(link, outDir);
      await removeOldVersions(outDir, options.warn);
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function isRealFolder(file: string): boolean {
  try {
    const info = lstatSync(file);
    return info.isDirectory();
  } catch {
    return false;
  }
}

/** The versioned folder the output link points at, by name; undefined when there is none. */
async function liveVersion(outDir: string): Promise<string | undefined> {
  const target = await readlink(outDir).catch(() => undefined);
  return target === undefined ? undefined : path.basename(target);
}

/**
 * Removes what Kiln left beside the output that is not the live version: older versions,
 * a dead build's staging folder or link. Under the build lock, so none of it is in use.
 * A version that cannot be removed (a read-only folder inside it) is only warned about and
 * tried again by the next build: the new output is already in place.
 */
async function removeOldVersions(outDir: string, warn: (message: string) => void): Promise<void> {
  const parent = path.dirname(outDir);
  const live = await liveVersion(outDir);
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(prefixOf(outDir)) && n !== live).sort()) {
    const full = path.join(parent, name);
    await rm(full, { recursive: true, force: true }).catch((error: NodeJS.ErrnoException) =>
      warn(
        `could not remove the old output ${full} (${error.code ?? error.message}); the next build tries again.`,
      ),
    );
  }
}

/**
 * Runs under the build lock, before a build writes anything: cleans up after builds that
 * died. One killed between the two renames of the old swap (an older Kiln) left the output
 * aside as `.dist.kiln-old-<pid>`: that is put back first.
 */
export async function recoverInterruptedSwap(
  outDir: string,
  warn: (message: string) => void,
): Promise<void> {
  const parent = path.dirname(outDir);
  const names = await readdir(parent).catch(() => [] as string[]);
  const aside = names.find((name) => name.startsWith(`${prefixOf(outDir)}old-`));
  if (aside && !existsSync(outDir)) await rename(path.join(parent, aside), outDir);
  await removeOldVersions(outDir, warn);
}
