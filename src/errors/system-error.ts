import { catalog } from "./catalog.js";
import { KilnError } from "./kiln-error.js";

/** What a failed system call looks like (`fs`, `chokidar`, `net` all throw these). */
interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

function isSystemError(error: unknown): error is SystemError {
  return (
    error instanceof Error &&
    !KilnError.is(error) &&
    typeof (error as Partial<SystemError>).code === "string"
  );
}

/** `open` → "open", `rename` with a destination → "rename … to …": words for the message. */
function operationOf(error: SystemError): string {
  const verb = { scandir: "list", lstat: "read", stat: "read", rmdir: "remove", unlink: "remove" }[
    error.syscall ?? ""
  ];
  return verb ?? error.syscall ?? "use";
}

/**
 * A system error the user's machine caused (permissions, a full disk, a symbolic-link loop,
 * file limits), as a coded error naming the path; undefined for anything else, which is
 * Kiln's own bug. Applied where errors reach the user, so no such error is ever reported as
 * internal, whichever stage met it.
 */
export function fromSystemError(error: unknown): KilnError | undefined {
  if (!isSystemError(error) || error.path === undefined) return undefined;
  const where = error.dest ? `${error.path} (to ${error.dest})` : error.path;
  const args = { path: where, operation: operationOf(error) };
  const details = (() => {
    switch (error.code) {
      case "EACCES":
      case "EPERM":
      case "EROFS":
        return catalog.FileAccessDenied(args);
      case "ENOSPC":
      case "EDQUOT":
        return catalog.DiskFull(args);
      case "ELOOP":
        return catalog.SymlinkLoop({ path: error.path });
      case "EMFILE":
      case "ENFILE":
        return catalog.TooManyFiles(args);
      case "EIO":
      case "ENAMETOOLONG":
      case "EBUSY":
      case "ENOTEMPTY":
      case "EXDEV":
        return catalog.FileSystemFailed({ ...args, reason: error.message });
      default:
        return undefined;
    }
  })();
  return details && new KilnError(details, undefined, { cause: error });
}
