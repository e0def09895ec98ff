import path from "node:path";
import type * as esbuild from "esbuild";
import { toPosix } from "../support/index.js";
import { ISLAND_EXTENSIONS } from "./island-files.js";

const RAW = "?kiln-island-source";
const CLIENT = /\?client$/;
const IMAGE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

/** What the server compile found that the browser needs; filled while pages compile. */
export interface ServerFindings {
  /** Client scripts (`import theme from "./theme.ts?client"`): id → absolute source path. */
  scripts: Map<string, string>;
  /** Images pages import: id (path from the project root) → absolute source path. */
  images: Map<string, string>;
  /** Compiled entry (page or layout source) → the CSS esbuild bundled for it, absolute. */
  css: Map<string, string>;
}

export interface AssetsServerPlugin {
  plugin: esbuild.Plugin;
  found: ServerFindings;
}

/**
 * The assets stage's part of the server compile:
 * - a page importing `src/islands/Counter.tsx` gets the component wrapped by `markIsland`,
 *   which renders it inside a `<kiln-island>` marker (the wrapper imports the original
 *   module under a suffix, so esbuild loads it as usual);
 * - `import id from "./x.ts?client"` gives a script id for `<Script src={id} />`, and
 *   records the file so the browser bundle includes it;
 * - `import photo from "./a.jpg"` gives an image source for `<Image src={photo} />`, and
 *   records the file so the assets stage encodes it before pages render;
 * - the CSS each entry imports (esbuild bundles it beside the module) is recorded per entry.
 */
export function createAssetsServerPlugin(root: string): AssetsServerPlugin {
  const islandsDir = path.join(root, "src", "islands");
  const found: ServerFindings = { scripts: new Map(), css: new Map(), images: new Map() };
  const plugin: esbuild.Plugin = {
    name: "kiln:assets",
    setup(build) {
      build.onResolve({ filter: /\?kiln-island-source$/ }, (args) => ({
        path: args.path.slice(0, -RAW.length),
        suffix: RAW,
      }));
      build.onResolve({ filter: CLIENT }, async (args) => {
        const resolved = await build.resolve(args.path.replace(CLIENT, ""), {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.path, namespace: "kiln-client-script" };
      });
      build.onLoad({ filter: /.*/, namespace: "kiln-client-script" }, (args) => {
        const id = toPosix(path.relative(root, args.path));
        found.scripts.set(id, args.path);
        return { contents: `export default ${JSON.stringify(id)};`, loader: "js" };
      });
      build.onLoad({ filter: IMAGE }, (args) => {
        const id = toPosix(path.relative(root, args.path));
        found.images.set(id, args.path);
        return {
          contents: `export default ${JSON.stringify({ kind: "kiln-image", id })};`,
          loader: "js",
        };
      });
      build.onLoad({ filter: /\.[jt]sx?$/ }, (args) => {
        if (args.suffix === RAW || !isIsland(islandsDir, args.path)) return undefined;
        const id = path.basename(args.path, path.extname(args.path));
        const source = JSON.stringify(args.path + RAW);
        return {
          contents: [
            `import { markIsland } from "kiln-ssg";`,
            `import Component from ${source};`,
            `export * from ${source};`,
            `export default markIsland(Component, ${JSON.stringify(id)});`,
          ].join("\n"),
          loader: "js",
          resolveDir: islandsDir,
        };
      });
      build.onEnd((result) => {
        const cwd = build.initialOptions.absWorkingDir ?? root;
        for (const meta of Object.values(result.metafile?.outputs ?? {})) {
          if (meta.entryPoint && meta.cssBundle)
            found.css.set(path.resolve(cwd, meta.entryPoint), path.resolve(cwd, meta.cssBundle));
        }
      });
    },
  };
  return { plugin, found };
}

function isIsland(islandsDir: string, file: string): boolean {
  return (
    path.dirname(file) === islandsDir &&
    ISLAND_EXTENSIONS.has(path.extname(file)) &&
    !file.endsWith(".d.ts")
  );
}
