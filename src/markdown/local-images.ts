import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { KilnError, catalog } from "../errors/index.js";
import { isInside, sha256 } from "../support/index.js";
import { NOT_RELATIVE, locate, type RelativeLinksEnv } from "./relative-links.js";

/** Where local images are written in the output. */
export const ASSETS_FOLDER = "_kiln/assets";

/** Images the pipeline encodes; others (SVG, GIF with its frames) are copied as they are. */
const RASTER = /\.(?:jpe?g|png|webp|avif|tiff?)$/i;

/**
 * `![diagram](./diagram.png)` next to the markdown file becomes the same `<picture>` as
 * `<Image>` once the image is encoded (see `MarkdownRenderer.prepareImages`). Other local images are
 * written as `/_kiln/assets/diagram-<hash>.svg`: the name changes when the bytes do, so the
 * file can be cached forever, and two images of one name in different folders never collide.
 * A missing image or alt text fails the build with the file and line; an image outside the
 * project is refused, so markdown cannot publish files from elsewhere on the disk.
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
        const alt = state.md.renderer.renderInlineAsText(
          token.children ?? [],
          state.md.options,
          env,
        );
        // Markdown cannot tell "decorative" from "forgotten": both are `![](x.jpg)`.
        if (alt.trim() === "") {
          const error = new KilnError(catalog.MarkdownImageAltMissing({ target: src }), {
            file: env.source.file,
            ...where(),
          });
          // Listed with every other page's problems (env.problems), not thrown at the first.
          if (!env.problems) throw error;
          env.problems.push(error);
        }
        emitImage(token, src, alt, env, where);
      }
    }
  });
};

function emitImage(
  token: Token,
  src: string,
  alt: string,
  env: RelativeLinksEnv,
  where: () => { line: number; column?: number },
): void {
  const source = env.source!;
  const cut = src.search(/[?#]/);
  const target = cut === -1 ? src : src.slice(0, cut);
  const resolved = resolveImage(target, source.file, env.root);
  if (resolved === undefined) return;
  if ("problem" in resolved) {
    const error = new KilnError(
      catalog.MarkdownImageInvalid({ target: resolved.decoded, problem: resolved.problem }),
      { file: source.file, ...where() },
    );
    if (!env.problems) throw error;
    env.problems.push(error);
    return;
  }
  const picture = env.pictures?.get(resolved.real);
  if (picture) {
    for (const file of picture.files) env.assets!.set(file.path, file.contents);
    token.type = "html_inline";
    const title = token.attrGet("title");
    token.content = picture.html(alt, title === null ? undefined : String(title));
    token.children = null;
    return;
  }
  // Rendered again once encoded: this render's HTML is thrown away, so it writes nothing.
  if (env.unencoded && RASTER.test(resolved.real)) {
    env.unencoded.push(resolved.real);
    return;
  }
  const bytes = readFileSync(resolved.real);
  const extension = path.extname(resolved.file);
  const stem = path.basename(resolved.file, extension).replace(/[^A-Za-z0-9_-]+/g, "-") || "image";
  const output = `${ASSETS_FOLDER}/${stem}-${sha256(bytes).slice(0, 10)}${extension.toLowerCase()}`;
  env.assets!.set(output, resolved.file);
  token.attrSet("src", `/${output}${cut === -1 ? "" : src.slice(cut)}`);
}

/** The image a relative `src` names, its real path, or why it cannot be published. */
function resolveImage(
  target: string,
  markdownFile: string,
  root: string | undefined,
): { file: string; real: string } | { decoded: string; problem: string } | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(target);
  } catch {
    return undefined;
  }
  const file = path.resolve(path.dirname(markdownFile), decoded);
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return { decoded, problem: "does not exist" };
  }
  // Checked after resolving links: a symlink in the project must not publish /etc/passwd.
  if (root !== undefined && !isInside(realpathSync(root), real)) {
    return { decoded, problem: "is outside the project" };
  }
  return { file, real };
}
