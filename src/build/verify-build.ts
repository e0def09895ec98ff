import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { KilnError, catalog } from "../errors/index.js";
import { toPosix, walkFiles } from "../support/index.js";

/** At most this many differing files are named; the count covers them all. */
const NAMED = 50;

/**
 * `kiln build --verify`: builds the same input again, cold (no page reused, nothing of the
 * incremental cache read or written), into a temporary folder, and fails naming every file
 * that differs from the output by a byte, is missing from it or should not be there.
 */
export async function verifyOutput(
  outDir: string,
  buildCold: (outDir: string) => Promise<unknown>,
): Promise<{ files: number }> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "kiln-verify-"));
  try {
    const coldDir = path.join(scratch, "cold");
    await buildCold(coldDir);
    const [warm, cold] = await Promise.all([listOutput(outDir), listOutput(coldDir)]);
    const problems: string[] = [];
    for (const file of new Set([...warm, ...cold])) {
      if (!cold.has(file)) problems.push(`${file}: not in a cold build`);
      else if (!warm.has(file)) problems.push(`${file}: missing`);
      else {
        const [a, b] = await Promise.all([
          readFile(path.join(outDir, file)),
          readFile(path.join(coldDir, file)),
        ]);
        if (!a.equals(b)) problems.push(`${file}: differs`);
      }
    }
    if (problems.length > 0) {
      problems.sort();
      const named = problems.slice(0, NAMED).map((line) => `  ${line}`);
      if (problems.length > NAMED) named.push(`  … and ${problems.length - NAMED} more`);
      throw new KilnError(
        catalog.BuildVerifyFailed({ count: problems.length, files: named.join("\n") }),
      );
    }
    return { files: warm.size };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function listOutput(dir: string): Promise<Set<string>> {
  const files = await walkFiles(dir, () => false);
  return new Set(files.map((file) => toPosix(path.relative(dir, file))));
}
