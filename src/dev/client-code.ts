import { readFile } from "node:fs/promises";
import * as esbuild from "esbuild";

/** `.js` when Kiln runs installed, `.ts` when it runs from source under the test runner. */
const ownExtension = new URL(import.meta.url).pathname.endsWith(".ts") ? ".ts" : ".js";
const clientFile = new URL(`../dev-client/live-reload${ownExtension}`, import.meta.url);

/**
 * The browser's live-reload script, as JavaScript: compiled on the first request of one dev
 * server, then kept by it.
 */
export function clientCodeLoader(): () => Promise<string> {
  let compiled: Promise<string> | undefined;
  return () => {
    compiled ??= readFile(clientFile, "utf8").then(
      async (source) =>
        (await esbuild.transform(source, { loader: "ts", format: "esm", target: "es2020" })).code,
    );
    return compiled;
  };
}
