import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { copyProject, type Project } from "../helpers/build-fixture.js";

/** Output path → inode: a page whose inode is unchanged was not written again. */
export async function inodes(outDir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(outDir, full).split(path.sep).join("/"), (await stat(full)).ino);
  }
  return out;
}

/** Output files whose inode differs between two listings (new files included). */
export function rewritten(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([file, ino]) => before.get(file) !== ino).map(([file]) => file);
}

/**
 * The same sources built from nothing, in a fresh folder with no `.kiln/` and no output:
 * what a warm build must equal byte for byte.
 */
export async function coldSnapshot(root: string): Promise<Map<string, Buffer>> {
  const parent = await mkdtemp(path.join(tmpdir(), "kiln-cold-"));
  const copy = path.join(parent, "site");
  await cp(root, copy, {
    recursive: true,
    filter: (file) => !/[\\/](dist|\.kiln|node_modules)$/.test(file),
  });
  const project: Project = await copyProject(copy);
  try {
    const result = await project.build();
    if (result.code !== 0) throw new Error(`cold build failed:\n${result.stderr}`);
    return await project.snapshot();
  } finally {
    await project.cleanup();
    await rm(parent, { recursive: true, force: true });
  }
}

/** "(12 unchanged)" in the summary, or 0. */
export function unchangedCount(stdout: string): number {
  return Number(/\((\d+) unchanged\)/.exec(stdout)?.[1] ?? 0);
}

/**
 * Turns syntax highlighting off in a copy of examples/blog. shiki's colours vary between two
 * cold builds of the same input on a loaded machine (a token comes out `#24292E` in one build
 * and `#032F62` in the other; src/markdown/highlight.ts already works around shikijs/shiki#978,
 * not enough): a warm-versus-cold comparison must test Kiln's incremental builds, not that.
 */
export async function disableHighlighting(root: string): Promise<void> {
  const file = path.join(root, "kiln.config.ts");
  const text = await readFile(file, "utf8");
  const changed = text.replace("markdown: {", "markdown: {\n    highlight: false,");
  if (changed === text) throw new Error("kiln.config.ts has no markdown section to change");
  await writeFile(file, changed);
}
