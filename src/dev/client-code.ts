import { readFile } from "node:fs/promises";
import * as esbuild from "esbuild";

/** `.js` when Kiln runs installed, `.ts` when it runs from source under the test runner. */
const ownExtension = new URL(import.meta.url).pathname.endsWith(".ts") ? ".ts" : ".js";
const clientFile = new URL(`../dev-client/live-reload${ownExtension}`, import.meta.url);

// A cache of a constant: the compiled form of a file shipped with Kiln, the same for every
// project, request and thread, so no result can depend on which one filled it.
let cached: Promise<string> | undefined;

/** The browser's live-reload script, as JavaScript; made once per process. */
export function loadClientCode(): Promise<string> {
  cached ??= readFile(clientFile, "utf8").then(
    async (source) =>
      (await esbuild.transform(source, { loader: "ts", format: "esm", target: "es2020" })).code,
  );
  return cached;
}
