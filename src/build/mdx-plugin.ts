import { readFile } from "node:fs/promises";
import type * as esbuild from "esbuild";
import { parseEntry } from "../content/index.js";
import { KilnError } from "../errors/index.js";
import { compileMdx, type ResolveMarkdownUrl } from "../markdown/index.js";

/**
 * `.mdx` files become Preact modules: front matter (YAML, TOML or JSON) is split off and
 * exported as `frontmatter`, the body compiled by @mdx-js/mdx. Its imports are bundled like
 * any page's. A KilnError travels in the message's `detail`, so the user sees it as thrown.
 */
export const mdxPlugin = (resolveUrl: ResolveMarkdownUrl): esbuild.Plugin => ({
  name: "kiln:mdx",
  setup(build) {
    build.onLoad({ filter: /\.mdx$/ }, async (args) => {
      try {
        const entry = parseEntry(await readFile(args.path), args.path);
        const source = { file: args.path, bodyLine: entry.bodyLine };
        return {
          contents: await compileMdx(entry.body, entry.data, source, resolveUrl),
          loader: "jsx",
        };
      } catch (error) {
        if (!KilnError.is(error)) throw error;
        const at = error.location;
        return {
          errors: [
            {
              text: error.message,
              detail: error,
              location:
                at?.line === undefined
                  ? null
                  : { file: at.file, line: at.line, column: (at.column ?? 1) - 1 },
            },
          ],
        };
      }
    });
  },
});
