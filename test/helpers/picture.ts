import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { HTMLElement } from "node-html-parser";
import sharp from "sharp";

const FORMAT = { avif: "heif", webp: "webp", jpg: "jpeg", png: "png" } as const;

/**
 * Checks a <picture> from the image pipeline: AVIF and WebP sources and a fallback <img>,
 * each with one srcset candidate per width, files named `<name>-<width>w-<hash>.<ext>` that
 * really are that wide and in that format, and the expected `sizes`.
 */
export async function assertPictureSources(
  picture: HTMLElement,
  outDir: string,
  expected: { name: string; widths: number[]; fallback: "jpg" | "png"; sizes: string },
): Promise<void> {
  const sources = picture.querySelectorAll("source");
  assert.deepEqual(
    sources.map((s) => s.getAttribute("type")),
    ["image/avif", "image/webp"],
  );
  const img = picture.querySelector("img")!;
  for (const [element, extension] of [
    [sources[0]!, "avif"],
    [sources[1]!, "webp"],
    [img, expected.fallback],
  ] as const) {
    const candidates = element.getAttribute("srcset")!.split(", ");
    assert.deepEqual(
      candidates.map((c) => c.split(" ")[1]),
      expected.widths.map((w) => `${w}w`),
    );
    for (const [index, width] of expected.widths.entries()) {
      const url = candidates[index]!.split(" ")[0]!;
      const pattern = `^/_kiln/img/${expected.name}-${width}w-[0-9a-f]{8}\\.${extension}$`;
      assert.match(url, new RegExp(pattern));
      const meta = await sharp(await readFile(path.join(outDir, url))).metadata();
      assert.equal(meta.width, width, url);
      assert.equal(meta.format, FORMAT[extension], url);
    }
    assert.equal(element.getAttribute("sizes"), expected.sizes);
  }
}
