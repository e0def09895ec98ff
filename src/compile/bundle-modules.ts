import { realpathSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { KilnError, catalog, type SourceLocation } from "../errors/index.js";
import { writeCompiledFolder, type CompiledFolder } from "./compiled-folder.js";

export interface BundleModulesOptions {
  /** The project folder; entries and their imports are resolved from it. */
  root: string;
  /** Absolute paths of the user's modules to compile, one output each. */
  entries: readonly string[];
  /** Folder the compiled modules go to; emptied first. */
  outDir: string;
  /**
   * More esbuild plugins, run before Kiln's import binding (the assets stage's islands, the
   * build's MDX loader). A plugin's error whose `detail` is a KilnError reaches the user as
   * that error.
   */
  plugins?: readonly esbuild.Plugin[];
}

export interface BundledModules {
  /** Entry path → file URL of its compiled module, ready for `import()`. */
  modules: Map<string, string>;
  /** Entry path → the project files that went into it (for the build's dependency graph). */
  inputs: Map<string, string[]>;
  /** Every file written, kept in memory so a deleted `.kiln/` can be written again. */
  folder: CompiledFolder;
}

/**
 * Compiles the user's TSX/TS/JS modules for Node with esbuild. Imports of `kiln-ssg` and
 * `preact` are bound to Kiln's own copies so pages and the renderer share one Preact and
 * one content store, wherever the project folder is.
 */
export async function bundleModules(options: BundleModulesOptions): Promise<BundledModules> {
  await rm(options.outDir, { recursive: true, force: true });
  const absWorkingDir = options.root;
  let result: esbuild.BuildResult<{ metafile: true; write: false }>;
  try {
    result = await esbuild.build({
      entryPoints: [...options.entries],
      absWorkingDir,
      outdir: options.outDir,
      // A file reached through a symbolic link imports relative to the link, as it reads in the
      // project: docs/ links the docs starter's pages, whose `../docs` is then docs/'s own.
      preserveSymlinks: true,
      outbase: absWorkingDir,
      entryNames: "[dir]/[name]-[hash]",
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      jsx: "automatic",
      jsxImportSource: "preact",
      sourcemap: "linked",
      metafile: true,
      write: false,
      logLevel: "silent",
      plugins: [...(options.plugins ?? []), bindKilnImports],
      outExtension: { ".js": ".mjs" },
    });
  } catch (error) {
    throw toCompileError(error, absWorkingDir);
  }
  const folder: CompiledFolder = {
    dir: options.outDir,
    files: result.outputFiles.map((output) => ({ path: output.path, text: output.text })),
  };
  writeCompiledFolder(folder);
  const modules = new Map<string, string>();
  const inputs = new Map<string, string[]>();
  const outputs = result.metafile.outputs;
  // esbuild names an entry by its real path: a page reached through a symbolic link (a pages
  // folder linked from elsewhere, as docs/ links the docs starter's) is keyed as it was asked.
  const asked = new Map(options.entries.map((entry) => [realPath(entry), entry]));
  for (const [output, meta] of Object.entries(outputs)) {
    if (!meta.entryPoint) continue;
    const resolved = path.resolve(absWorkingDir, meta.entryPoint);
    const entry = asked.get(resolved) ?? resolved;
    modules.set(entry, pathToFileURL(path.resolve(absWorkingDir, output)).href);
    inputs.set(
      entry,
      [...collectInputs(output, outputs)].sort().map((input) => path.resolve(absWorkingDir, input)),
    );
  }
  return { modules, inputs, folder };
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * The files that went into an output and into the chunks it imports: with code splitting,
 * a component two pages share lives in a chunk, not in either page's own output.
 */
function collectInputs(
  output: string,
  outputs: esbuild.Metafile["outputs"],
  seen = new Set<string>(),
): Set<string> {
  const found = new Set<string>();
  if (seen.has(output)) return found;
  seen.add(output);
  const meta = outputs[output];
  if (!meta) return found;
  for (const input of Object.keys(meta.inputs)) found.add(input);
  for (const imported of meta.imports) {
    if (imported.external) continue;
    for (const input of collectInputs(imported.path, outputs, seen)) found.add(input);
  }
  return found;
}

/** The file extension Kiln itself runs from: `.js` when installed, `.ts` under the test runner. */
const ownExtension = path.extname(new URL(import.meta.url).pathname);
const kilnEntry = new URL(`../index${ownExtension}`, import.meta.url).href;

const bindKilnImports: esbuild.Plugin = {
  name: "kiln:bind-imports",
  setup(build) {
    build.onResolve({ filter: /^kiln-ssg$/ }, () => ({ path: kilnEntry, external: true }));
    // `kiln` on npm is another package; an import of it is a mistake to name, not to install.
    build.onResolve({ filter: /^kiln$/ }, () => ({
      errors: [{ text: 'Kiln\'s package is "kiln-ssg": import from "kiln-ssg", not "kiln".' }],
    }));
    build.onResolve({ filter: /^preact(\/.*)?$/ }, (args) => ({
      path: import.meta.resolve(args.path),
      external: true,
    }));
  },
};

function toCompileError(error: unknown, root: string): unknown {
  const first = firstEsbuildError(error, root);
  if (!first) return error;
  if (KilnError.is(first.detail)) return first.detail;
  return new KilnError(catalog.ModuleCompile({ reason: first.text }), first.location, {
    cause: error,
  });
}

/** The first error of a failed esbuild run, located in the user's file (1-based column). */
export function firstEsbuildError(
  error: unknown,
  root: string,
): { text: string; detail: unknown; location: SourceLocation | undefined } | undefined {
  const first = (error as Partial<esbuild.BuildFailure>).errors?.[0];
  if (!first) return undefined;
  const location = first.location
    ? {
        file: path.resolve(root, first.location.file),
        line: first.location.line,
        column: first.location.column + 1,
      }
    : undefined;
  return { text: first.text, detail: first.detail, location };
}
