import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { firstEsbuildError } from "../compile/index.js";
import { KilnError, catalog } from "../errors/index.js";
import type { ClientModule } from "../render/index.js";
import { toPosix } from "../support/index.js";

/** Where client files go in the output, and the URL prefix they are served under. */
export const CLIENT_DIR = "_kiln";

export interface BundleClientOptions {
  root: string;
  /** Output name (without hash) → absolute source path. */
  entries: ReadonlyMap<string, string>;
}

export interface ClientBundle {
  /** Output name → its URL and the chunks it imports statically. */
  modules: Map<string, ClientModule>;
  /** Files to write, relative to the output folder. */
  files: { path: string; contents: Uint8Array }[];
}

/** Kiln's own package folder: client bundles use its Preact, wherever the project is. */
const kilnPackage = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Bundles browser entries in one esbuild run, so code they share (Preact above all) lands
 * in shared chunks: minified, ES modules, content-hashed names under `/_kiln/`.
 */
export async function bundleClient(options: BundleClientOptions): Promise<ClientBundle> {
  const absWorkingDir = options.root;
  const outdir = path.join(options.root, ".kiln", "client");
  let result: esbuild.BuildResult<{ metafile: true; write: false }>;
  try {
    result = await esbuild.build({
      entryPoints: Object.fromEntries(options.entries),
      absWorkingDir,
      outdir,
      // A file reached through a symbolic link imports relative to the link, as it reads in the
      // project: docs/ links the docs starter's pages, whose `../docs` is then docs/'s own.
      preserveSymlinks: true,
      entryNames: "[name]-[hash]",
      chunkNames: "chunk-[hash]",
      assetNames: "[name]-[hash]",
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: "es2020",
      minify: true,
      jsx: "automatic",
      jsxImportSource: "preact",
      legalComments: "none",
      metafile: true,
      write: false,
      logLevel: "silent",
      plugins: [useKilnPreact, refuseServerImports, leaveStylesToPages],
    });
  } catch (error) {
    throw toBundleError(error, absWorkingDir);
  }
  const urlOf = (output: string) =>
    `/${CLIENT_DIR}/${toPosix(path.relative(outdir, path.resolve(absWorkingDir, output)))}`;
  const outputs = result.metafile.outputs;
  const staticImports = (output: string, seen = new Set<string>()): string[] => {
    for (const item of outputs[output]?.imports ?? []) {
      if (item.kind !== "import-statement" || item.external || seen.has(item.path)) continue;
      seen.add(item.path);
      staticImports(item.path, seen);
    }
    return [...seen];
  };
  const nameOf = new Map([...options.entries].map(([name, file]) => [path.resolve(file), name]));
  const modules = new Map<string, ClientModule>();
  for (const [output, meta] of Object.entries(outputs)) {
    if (!meta.entryPoint || !output.endsWith(".js")) continue;
    const name = nameOf.get(path.resolve(absWorkingDir, meta.entryPoint));
    if (name === undefined) continue;
    modules.set(name, { url: urlOf(output), imports: staticImports(output).sort().map(urlOf) });
  }
  const files = result.outputFiles
    .filter((file) => file.path.endsWith(".js"))
    .map((file) => ({
      path: `${CLIENT_DIR}/${toPosix(path.relative(outdir, file.path))}`,
      contents: file.contents,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return { modules, files };
}

const useKilnPreact: esbuild.Plugin = {
  name: "kiln:client-preact",
  setup(build) {
    build.onResolve({ filter: /^preact(\/.*)?$/ }, async (args) => {
      if (args.pluginData === "kiln") return undefined;
      return build.resolve(args.path, {
        kind: args.kind,
        resolveDir: kilnPackage,
        pluginData: "kiln",
      });
    });
  },
};

/** `kiln-ssg` itself is Node code; an island that imports it would drag the build into the page. */
const refuseServerImports: esbuild.Plugin = {
  name: "kiln:client-refuse-server",
  setup(build) {
    build.onResolve({ filter: /^kiln-ssg$/ }, () => ({
      errors: [{ text: "Browser code cannot import `kiln-ssg`: it is the build's own code." }],
    }));
  },
};

/**
 * The page's stylesheet already holds the CSS of every island and script it uses (the server
 * compile bundled it), so browser bundles carry no CSS. A CSS module still gives its class
 * names: compiled on its own, unminified, so the names match the server's.
 */
const leaveStylesToPages: esbuild.Plugin = {
  name: "kiln:client-styles",
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      if (!args.path.endsWith(".module.css")) return { contents: "", loader: "js" };
      const names = await esbuild.build({
        stdin: {
          contents: `export { default } from ${JSON.stringify(args.path)};`,
          resolveDir: path.dirname(args.path),
        },
        absWorkingDir: build.initialOptions.absWorkingDir,
        bundle: true,
        write: false,
        format: "esm",
        outdir: "out",
        logLevel: "silent",
      });
      const js = names.outputFiles.find((file) => file.path.endsWith(".js"))!;
      return { contents: js.text, loader: "js" };
    });
  },
};

function toBundleError(error: unknown, root: string): unknown {
  const first = firstEsbuildError(error, root);
  if (!first) return error;
  return new KilnError(catalog.ClientBundle({ reason: first.text }), first.location, {
    cause: error,
  });
}
