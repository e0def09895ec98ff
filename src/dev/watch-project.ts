import path from "node:path";
import { watch } from "chokidar";
import { isInside } from "../support/index.js";

export interface ProjectWatcher {
  close(): Promise<void>;
}

/**
 * Watches the project for edits, skipping what Kiln itself writes (the output, `.kiln/`, a
 * `kiln build`'s `.dist.kiln-staging-*` folder) and what no page reads (`node_modules`, `.git`
 * and every other dot entry at the top of the project). Changes arriving within a few
 * milliseconds of each other (an editor's save, a `git checkout`) come as one batch.
 */
export function watchProject(
  root: string,
  ignoredDirs: readonly string[],
  onChange: (files: string[]) => void,
): Promise<ProjectWatcher> {
  const skipped = [...ignoredDirs, path.join(root, "node_modules")];
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (file: string) =>
      skipped.some((dir) => isInside(dir, file)) || isDotEntryOfRoot(root, file),
  });
  let batch = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const files = [...batch].sort();
    batch = new Set();
    onChange(files);
  };
  watcher.on("all", (_event, file) => {
    batch.add(path.resolve(root, file));
    clearTimeout(timer);
    timer = setTimeout(flush, 20);
  });
  return new Promise((resolve, reject) => {
    watcher.once("ready", () =>
      resolve({
        close: async () => {
          clearTimeout(timer);
          await watcher.close();
        },
      }),
    );
    watcher.once("error", reject);
  });
}

function isDotEntryOfRoot(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== "" && relative.startsWith(".");
}
