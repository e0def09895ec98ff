import { stat } from "node:fs/promises";
import { walkFiles } from "../support/index.js";

/**
 * The files and bytes of the output as it is on disk once a build has put it in place. The
 * summary counts the folder, not what each stage says it wrote: a warm build that reused
 * pages and skipped plugin outputs said "28 files, 135.7 KB" of the same 38-file output a
 * cold build called "38 files, 427.7 KB", and `--verify` counted one file more (issue 23).
 */
export async function measureOutput(outDir: string): Promise<{ files: number; bytes: number }> {
  const files = await walkFiles(outDir, () => false);
  let bytes = 0;
  for (const file of files) bytes += (await stat(file)).size;
  return { files: files.length, bytes };
}
