import { define } from "./define-error.js";

/** Part of `catalog` (catalog.ts). */
export const systemErrors = {
  // The machine's errors: a file system call that failed for a reason outside Kiln. Raised
  // through `fromSystemError` wherever such an error escapes, so none is ever "internal".
  FileAccessDenied: define<{ path: string; operation: string }>({
    code: "KILN_FS_ACCESS",
    title: "A file or folder cannot be accessed",
    cause:
      "The operating system refused to read or write a path: its permissions, or a read-only file system.",
    message: ({ path, operation }) =>
      `Kiln could not ${operation} ${path}: permission denied (or a read-only file system).`,
    hint: () =>
      "Check the permissions of that path and the folders above it (ls -ld), and that the disk is mounted writable.",
  }),
  DiskFull: define<{ path: string; operation: string }>({
    code: "KILN_FS_FULL",
    title: "The disk is full",
    cause: "The disk (or the user's quota) ran out of space while Kiln wrote.",
    message: ({ path, operation }) =>
      `Kiln could not ${operation} ${path}: no space left on the device (or the quota is used up).`,
    hint: () => "Free some space (df -h shows where) and run the command again.",
  }),
  SymlinkLoop: define<{ path: string }>({
    code: "KILN_FS_LOOP",
    title: "Symbolic links form a loop",
    cause: "A symbolic link points, directly or through others, back to itself.",
    message: ({ path }) => `${path} is a symbolic link that leads back to itself.`,
    hint: () => "Remove or fix the link (ls -l shows where it points).",
  }),
  CompiledModuleGone: define<{ file: string }>({
    code: "KILN_CACHE_REMOVED",
    title: "The cache was deleted while Kiln used it",
    cause:
      "Kiln compiles the config and pages into .kiln/ and imports them from there; .kiln/ was deleted (twice in a row, when the build retried) while a build or kiln dev ran.",
    message: ({ file }) =>
      `The compiled copy of ${file} in .kiln/ was deleted while Kiln was loading it.`,
    hint: () => "Run the command again; avoid deleting .kiln/ in a loop while a build runs.",
  }),
  ConfigTimedOut: define<{ why: "time" | "never"; seconds: number }>({
    code: "KILN_CONFIG_TIMEOUT",
    title: "The config did not finish loading",
    cause:
      "The config's top-level code loops, or awaits a promise that never settles (or takes longer than the time limit).",
    message: ({ why, seconds }) =>
      why === "never"
        ? "The config file never finishes loading: it awaits a promise that nothing will settle."
        : `The config file did not finish loading within ${seconds} s.`,
    hint: () =>
      "Look for a loop or an await at the top level of the config (or of a module it imports). KILN_TIME_LIMIT=<seconds> sets the limit.",
  }),
  HookTimedOut: define<{ plugin: string; hook: string; why: "time" | "never"; seconds: number }>({
    code: "KILN_HOOK_TIMEOUT",
    title: "A plugin's hook did not finish",
    cause:
      "A plugin's hook returned a promise that never settles, or that took longer than the time limit.",
    message: ({ plugin, hook, why, seconds }) =>
      why === "never"
        ? `The plugin "${plugin}" never finishes ${hook}: it awaits a promise that nothing will settle.`
        : `The plugin "${plugin}" did not finish ${hook} within ${seconds} s.`,
    hint: () =>
      "Check that the hook resolves or rejects its promise on every path. KILN_TIME_LIMIT=<seconds> sets the limit.",
  }),
  TooManyFiles: define<{ path: string; operation: string }>({
    code: "KILN_FS_LIMIT",
    title: "The system's file limits were reached",
    cause: "The process hit the limit of open files or of file watches (inotify).",
    message: ({ path, operation }) =>
      `Kiln could not ${operation} ${path}: too many open files or inotify watches.`,
    hint: () =>
      "Raise the limit (ulimit -n, or fs.inotify.max_user_watches for kiln dev) or close other programs watching files.",
  }),
  FileSystemFailed: define<{ path: string; operation: string; reason: string }>({
    code: "KILN_FS",
    title: "A file system operation failed",
    cause: "A file system call failed for a reason the operating system gives.",
    message: ({ path, operation, reason }) => `Kiln could not ${operation} ${path}: ${reason}.`,
    hint: () => "The reason above comes from the operating system; fix it and run again.",
  }),
} as const;
