import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KilnError, catalog, type SourceLocation } from "../errors/index.js";
import { importRestoring, type CompiledFolder } from "./compiled-folder.js";

/**
 * Imports a module `bundleModules` compiled from the user's `file`. What it throws while
 * loading is reported against `file`, never against the compiled copy in `.kiln/`; a
 * package it imports that is not installed gets the line of the import and an install hint.
 */
export async function importCompiled<T>(
  url: string,
  file: string,
  folders: readonly CompiledFolder[] = [],
): Promise<T> {
  try {
    return (await importRestoring(url, folders)) as T;
  } catch (error) {
    if (compiledModuleGone(error, url))
      throw new KilnError(catalog.CompiledModuleGone({ file }), { file }, { cause: error });
    const missing = missingPackage(error);
    if (missing) {
      throw new KilnError(
        catalog.PackageMissing({ name: missing }),
        { file, ...findImportLine(file, missing) },
        { cause: error },
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new KilnError(catalog.ModuleLoad({ reason }), { file }, { cause: error });
  }
}

/**
 * Whether an import failed because `.kiln/` (or part of it) was deleted under it: the compiled
 * file or one of its chunks is gone. That is the user clearing a cache, not a bug in their
 * module; the build recompiles once (see `build`) and otherwise says so with a code.
 */
export function compiledModuleGone(error: unknown, url: string): boolean {
  if ((error as { code?: unknown } | null)?.code !== "ERR_MODULE_NOT_FOUND") return false;
  if (!existsSync(fileURLToPath(url))) return true;
  const missing = /Cannot find module '([^']+)'/.exec((error as Error).message)?.[1];
  return missing !== undefined && missing.split(/[\\/]/).includes(".kiln");
}

/** `lodash` for "Cannot find package 'lodash' imported from …", `@scope/pkg` for scoped ones. */
function missingPackage(error: unknown): string | undefined {
  if ((error as { code?: unknown } | null)?.code !== "ERR_MODULE_NOT_FOUND") return undefined;
  return /Cannot find package '([^']+)'/.exec((error as Error).message)?.[1];
}

function findImportLine(file: string, name: string): Omit<SourceLocation, "file"> {
  let lines: string[];
  try {
    lines = readFileSync(file, "utf8").split("\n");
  } catch {
    return {};
  }
  for (let i = 0; i < lines.length; i++) {
    const column = lines[i]!.search(
      new RegExp(`["']${name.replace(/[^\w@/-]/g, "\\$&")}(/[^"']*)?["']`),
    );
    if (column !== -1) return { line: i + 1, column: column + 2 };
  }
  return {};
}
