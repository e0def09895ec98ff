import path from "node:path";
import { watch } from "chokidar";
import { isInside } from "../support/index.js";
import { isEditorTempFile } from "./editor-temp-file.js";

export interface ProjectWatcher {
  close(): Promise<void>;
}

/**
 * Watches the project for edits, skipping what Kiln itself writes (the output, `.kiln/`, the
 * output's versions and a `kiln build`'s new version beside it, `.dist.kiln-*`, wherever the
 * output folder is) and what no page reads (`node_modules`, `.git`
 * and every other dot entry at the top of the project), nor editors' temporary and swap files
 * (`isEditorTempFile`). Changes arriving within a few
 * milliseconds of each other (an editor's save, a `git checkout`) come as one batch.
 */
export function watchProject(
  root: string,
  ignoredDirs: readonly string[],
  onChange: (files: string[]) => void,
  onError: (error: unknown) => void,
): Promise<ProjectWatcher> {
  const skipped = [...ignoredDirs, path.join(root, "node_modules")];
  const watcher = watch(root, {
    ignoreInitial: true,
    // A link is watched as a link, never followed: a link to /usr made 127,204 watches, and
    // a file it leads to outside the project is no input of the site. Links inside the
    // project lead to files that are watched at their own place anyway.
    followSymlinks: false,
    ignored: (file: string) =>
      skipped.some((dir) => isInside(dir, file) || isVersionOf(dir, file)) ||
      isDotEntryOfRoot(root, file) ||
      isEditorTempFile(file),
  });
  let batch = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const files = [...batch].sort();
    batch = new Set();
    onChange(files);
  };
  // chokidar reports links it does not follow as added during the first scan, even with
  // ignoreInitial (chokidar 5); nothing before "ready" is an edit.
  let ready = false;
  watcher.on("all", (_event, file) => {
    if (!ready) return;
    batch.add(path.resolve(root, file));
    clearTimeout(timer);
    timer = setTimeout(flush, 20);
  });
  // An unreadable folder or a link loop met while watching is the project's problem, not a
  // reason to stop serving: it is reported, and the rest of the project stays watched.
  watcher.on("error", onError);
  return new Promise((resolve) => {
    watcher.once("ready", () => {
      ready = true;
      resolve({
        close: async () => {
          clearTimeout(timer);
          await watcher.close();
        },
      });
    });
  });
}

function isDotEntryOfRoot(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== "" && relative.startsWith(".");
}

/** `build/.site.kiln-out-…` for the output folder `build/site`: see src/build/staging.ts. */
function isVersionOf(outDir: string, file: string): boolean {
  return (
    path.dirname(file) === path.dirname(outDir) &&
    path.basename(file).startsWith(`.${path.basename(outDir)}.kiln-`)
  );
}
