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
 * Prepares a copy of examples/blog for page-reuse tests: highlighting off (it kept these
 * comparisons slow and was, until its tokenize time limit was lifted, load-dependent), and the
 * markdown image removed: with one, a no-change rebuild reuses no page (incremental-plan.ts
 * gates reuse on markdown assets), which these counts would fail on. Output stays correct;
 * a separate test checks a site with markdown images against a cold build.
 */
export async function prepareForReuse(root: string): Promise<void> {
  await disableHighlighting(root);
  const post = path.join(root, "src/content/posts/markdown-tour.md");
  const text = await readFile(post, "utf8");
  const changed = text.replace(/^!\[[^\]]*\]\([^)]*\)\n/m, "");
  if (changed === text) throw new Error("markdown-tour.md has no markdown image to remove");
  await writeFile(post, changed);
}

export async function disableHighlighting(root: string): Promise<void> {
  const file = path.join(root, "kiln.config.ts");
  const text = await readFile(file, "utf8");
  const changed = text.replace("markdown: {", "markdown: {\n    highlight: false,");
  if (changed === text) throw new Error("kiln.config.ts has no markdown section to change");
  await writeFile(file, changed);
}
