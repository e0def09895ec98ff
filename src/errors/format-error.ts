import { readFileSync } from "node:fs";
import path from "node:path";
import { errorDocsUrl } from "./docs-url.js";
import { KilnError, type SourceLocation } from "./kiln-error.js";
import { fromSystemError } from "./system-error.js";

export interface FormatErrorOptions {
  /** Print stacks and causes; otherwise a user's mistake is shown without Kiln's internals. */
  debug: boolean;
  /** Paths are shown relative to this folder. */
  cwd: string;
}

/**
 * Text from a user's files or a remote source made safe to print: control characters (an
 * escape sequence in a front-matter value or a fence's language could recolour, move or
 * clear the terminal) are shown as `\u001b` and the like. Newlines and tabs stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A warning line for the terminal. */
export function formatWarning(message: string): string {
  return `warning: ${terminalSafe(message)}\n`;
}

/** Renders an error for the terminal: code, message, location, code frame, hint. */
export function formatError(thrown: unknown, options: FormatErrorOptions): string {
  return terminalSafe(formatAny(thrown, options));
}

function formatAny(thrown: unknown, options: FormatErrorOptions): string {
  const error = fromSystemError(thrown) ?? thrown;
  if (!KilnError.is(error)) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return `internal error: Kiln failed unexpectedly. This is a bug; please report it.\n\n${detail}\n`;
  }
  const lines = [`error ${error.code}: ${error.message}`];
  if (error.location) {
    lines.push(`  at ${formatLocation(error.location, options.cwd)}`);
    const frame = codeFrame(error.location);
    if (frame) lines.push("", frame);
  }
  if (error.hint) lines.push("", `  hint: ${error.hint}`);
  lines.push(`${error.hint ? "" : "\n"}  see: ${errorDocsUrl(error.code)}`);
  if (options.debug) lines.push("", error.stack ?? "", ...causes(error));
  return lines.join("\n") + "\n";
}

export function formatLocation(location: SourceLocation, cwd: string): string {
  // Entries from remote sources are located by URL, which is no path to make relative.
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(location.file);
  const relative = isUrl ? location.file : path.relative(cwd, location.file) || location.file;
  const file = relative.startsWith("..") ? location.file : relative;
  if (location.line === undefined) return file;
  return `${file}:${location.line}${location.column === undefined ? "" : `:${location.column}`}`;
}

/** Two lines either side of the error, with a caret under the column. */
export function codeFrame(location: SourceLocation): string | undefined {
  if (location.line === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(location.file, "utf8");
  } catch {
    return undefined;
  }
  const all = text.split(/\r?\n/);
  const first = Math.max(1, location.line - 2);
  const last = Math.min(all.length, location.line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === location.line ? ">" : " ";
    out.push(`${marker} ${String(n).padStart(width)} | ${all[n - 1]}`);
    if (n === location.line && location.column !== undefined) {
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, location.column - 1))}^`);
    }
  }
  return out.join("\n");
}

function causes(error: Error): string[] {
  const out: string[] = [];
  let cause = error.cause;
  for (let depth = 1; cause !== undefined && depth <= 5; depth++) {
    out.push(
      `cause ${depth}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
    );
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return out;
}
