import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { MarkdownIt, StateCore } from "markdown-it";
import { KilnError, catalog } from "../errors/index.js";
import { isInside, sha256 } from "../support/index.js";
import { NOT_RELATIVE, locate, type RelativeLinksEnv } from "./relative-links.js";

/** Where local images are written in the output. */
export const ASSETS_FOLDER = "_kiln/assets";

/**
 * `![diagram](./diagram.png)` next to the markdown file is written to the output as
 * `/_kiln/assets/diagram-<hash>.png`: the name changes when the bytes do, so the file can be
 * cached forever, and two images called `diagram.png` in different folders never collide.
 * A missing image fails the build with the file and line; an image outside the project is
 * refused, so markdown cannot publish files from elsewhere on the disk.
 */
export const localImages = (md: MarkdownIt): void => {
  md.core.ruler.push("kiln_local_images", (state: StateCore) => {
    const env = state.env as RelativeLinksEnv;
    if (!env.source || !env.assets) return;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      let breaks = 0;
      for (const token of block.children) {
        if (token.type === "softbreak" || token.type === "hardbreak") breaks++;
        if (token.type !== "image") continue;
        const src = String(token.attrGet("src") ?? "");
        if (src === "" || NOT_RELATIVE.test(src)) continue;
        const where = () => locate(state.src, block, breaks, src, env.source!);
        token.attrSet("src", emitImage(src, env, where));
      }
    }
  });
};

function emitImage(
  src: string,
  env: RelativeLinksEnv,
  where: () => { line: number; column?: number },
): string {
  const source = env.source!;
  const cut = src.search(/[?#]/);
  const target = cut === -1 ? src : src.slice(0, cut);
  let decoded: string;
  try {
    decoded = decodeURI(target);
  } catch {
    return src;
  }
  const file = path.resolve(path.dirname(source.file), decoded);
  const fail = (problem: string) =>
    new KilnError(catalog.MarkdownImageInvalid({ target: decoded, problem }), {
      file: source.file,
      ...where(),
    });
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw fail("does not exist");
  }
  // Checked after resolving links: a symlink in the project must not publish /etc/passwd.
  if (env.root !== undefined && !isInside(realpathSync(env.root), real)) {
    throw fail("is outside the project");
  }
  const bytes = readFileSync(real);
  const extension = path.extname(file);
  const stem = path.basename(file, extension).replace(/[^A-Za-z0-9_-]+/g, "-") || "image";
  const output = `${ASSETS_FOLDER}/${stem}-${sha256(bytes).slice(0, 10)}${extension.toLowerCase()}`;
  env.assets!.set(output, file);
  return `/${output}${cut === -1 ? "" : src.slice(cut)}`;
}
