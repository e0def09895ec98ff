import path from "node:path";
import type * as esbuild from "esbuild";
import { ISLAND_EXTENSIONS } from "./island-files.js";

const RAW = "?kiln-island-source";

/**
 * For the server bundle: a page that imports `src/islands/Counter.tsx` gets the component
 * wrapped by `markIsland`, which renders it inside a `<kiln-island>` marker. The wrapper
 * imports the original module under a suffix, so esbuild loads it as usual.
 */
export function islandServerPlugin(islandsDir: string): esbuild.Plugin {
  return {
    name: "kiln:islands",
    setup(build) {
      build.onResolve({ filter: /\?kiln-island-source$/ }, (args) => ({
        path: args.path.slice(0, -RAW.length),
        suffix: RAW,
      }));
      build.onLoad({ filter: /\.[jt]sx?$/ }, (args) => {
        if (args.suffix === RAW || !isIsland(islandsDir, args.path)) return undefined;
        const id = path.basename(args.path, path.extname(args.path));
        const source = JSON.stringify(args.path + RAW);
        return {
          contents: [
            `import { markIsland } from "kiln";`,
            `import Component from ${source};`,
            `export * from ${source};`,
            `export default markIsland(Component, ${JSON.stringify(id)});`,
          ].join("\n"),
          loader: "js",
          resolveDir: islandsDir,
        };
      });
    },
  };
}

function isIsland(islandsDir: string, file: string): boolean {
  return (
    path.dirname(file) === islandsDir &&
    ISLAND_EXTENSIONS.has(path.extname(file)) &&
    !file.endsWith(".d.ts")
  );
}
