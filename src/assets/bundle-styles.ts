import { readFile } from "node:fs/promises";
import * as esbuild from "esbuild";
import { sha256 } from "../support/index.js";
import { CLIENT_DIR } from "./bundle-client.js";

export interface PageStyles {
  /** Head tags for the page compiled from this entry (page or layout source): link or style. */
  tagsFor: (entry: string | undefined) => string[];
  files: { path: string; contents: string }[];
}

/**
 * The CSS the server compile bundled for each page and layout (its own imports, its
 * components' and CSS modules'), minified and written once per distinct content under a
 * content hash. Stylesheets up to `inlineLimit` bytes go inline in a `<style>` instead,
 * saving a request.
 */
export async function bundleStyles(
  cssByEntry: ReadonlyMap<string, string>,
  inlineLimit: number,
): Promise<PageStyles> {
  const tags = new Map<string, string>();
  const files = new Map<string, string>();
  const done = new Map<string, string>();
  for (const [entry, cssFile] of [...cssByEntry].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let tag = done.get(cssFile);
    if (tag === undefined) {
      const source = await readFile(cssFile, "utf8");
      const { code } = await esbuild.transform(source, {
        loader: "css",
        minify: true,
        legalComments: "none",
      });
      const css = code.trim();
      if (css === "") tag = "";
      else if (Buffer.byteLength(css) <= inlineLimit) {
        tag = `<style>${css.replace(/<\/style/gi, "<\\/style")}</style>`;
      } else {
        const name = `${CLIENT_DIR}/style-${sha256(css).slice(0, 10)}.css`;
        files.set(name, css);
        tag = `<link rel="stylesheet" href="/${name}">`;
      }
      done.set(cssFile, tag);
    }
    if (tag) tags.set(entry, tag);
  }
  return {
    tagsFor: (entry) => (entry && tags.has(entry) ? [tags.get(entry)!] : []),
    files: [...files]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, contents]) => ({ path, contents })),
  };
}
