import { existsSync } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import { KilnError, catalog } from "../errors/index.js";
import type { ProcessedImage } from "../render/index.js";
import { sha256, toPosix } from "../support/index.js";
import { CLIENT_DIR } from "./bundle-client.js";

/** How images are encoded; part of the cache key, so changing it re-encodes. */
export interface ImageOptions {
  widths: readonly number[];
  /** Largest source file accepted, in bytes. */
  maxBytes: number;
  /** Largest source accepted, in pixels (width × height), before anything is decoded. */
  maxPixels: number;
}

/** Encoder settings: fixed, so the same source always gives the same bytes. */
const ENCODERS = {
  avif: { quality: 50, effort: 2 },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 78, mozjpeg: true },
  png: { compressionLevel: 9, palette: false },
} as const;

interface CachedImage {
  image: ProcessedImage;
  /** Output path (under the output folder) → file name in the cache folder. */
  files: Record<string, string>;
}

/**
 * One source image → resized AVIF, WebP and a JPEG/PNG fallback at each width up to its
 * own, plus a tiny blurred placeholder. Results are kept under `.kiln/images/`, keyed by the
 * source's digest and the options, so a warm build (or a CI run with a restored cache)
 * copies files instead of encoding again.
 */
export async function processImage(
  root: string,
  file: string,
  options: ImageOptions,
): Promise<{ image: ProcessedImage; files: { path: string; contents: Uint8Array }[] }> {
  const id = toPosix(path.relative(root, file));
  const size = (await stat(file)).size;
  if (size > options.maxBytes)
    throw new KilnError(
      catalog.ImageTooLarge({
        image: id,
        size: `${size} bytes`,
        limit: `${options.maxBytes} bytes`,
      }),
      { file },
    );
  const source = await readFile(file);
  const key = sha256(`${sha256(source)}\n${JSON.stringify({ options, ENCODERS, id })}`).slice(
    0,
    16,
  );
  const cacheDir = path.join(root, ".kiln", "images", key);
  const cached = await readCache(cacheDir);
  if (cached) return cached;

  const input = () =>
    sharp(source, { limitInputPixels: options.maxPixels, failOn: "error" }).autoOrient();
  let meta: Awaited<ReturnType<Sharp["metadata"]>>;
  try {
    meta = await sharp(source, { limitInputPixels: false }).metadata(); // reads the header only
  } catch (error) {
    throw new KilnError(
      catalog.ImageUnreadable({ image: id, reason: String((error as Error).message ?? error) }),
      { file },
      { cause: error },
    );
  }
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;
  if (width * height > options.maxPixels)
    throw new KilnError(
      catalog.ImageTooLarge({
        image: id,
        size: `${width}×${height} pixels`,
        limit: `${options.maxPixels} pixels`,
      }),
      { file },
    );
  const fallback = meta.hasAlpha || meta.format === "png" || meta.format === "gif" ? "png" : "jpeg";
  const widths = [...new Set([...options.widths.filter((w) => w < width), width])].sort(
    (a, b) => a - b,
  );
  const base = path.basename(file, path.extname(file)).replace(/[^\w-]/g, "_");
  const files: { path: string; contents: Uint8Array }[] = [];
  const image: ProcessedImage = { width, height, sources: [], fallback: [], placeholder: "" };
  try {
    for (const format of ["avif", "webp", fallback] as const) {
      const candidates: { url: string; width: number }[] = [];
      for (const w of widths) {
        const data = await input()
          .resize({ width: w })
          .toFormat(format, ENCODERS[format])
          .toBuffer();
        const name = `${CLIENT_DIR}/img/${base}-${w}w-${sha256(data).slice(0, 8)}.${format === "jpeg" ? "jpg" : format}`;
        files.push({ path: name, contents: data });
        candidates.push({ url: `/${name}`, width: w });
      }
      if (format === fallback) image.fallback = candidates;
      else image.sources.push({ type: `image/${format}`, candidates });
    }
    const tiny = await input().resize({ width: 16 }).blur(1).webp({ quality: 40 }).toBuffer();
    image.placeholder = `data:image/webp;base64,${tiny.toString("base64")}`;
  } catch (error) {
    throw new KilnError(
      catalog.ImageUnreadable({ image: id, reason: String((error as Error).message ?? error) }),
      { file },
      { cause: error },
    );
  }
  await writeCache(cacheDir, image, files);
  return { image, files };
}

async function readCache(
  cacheDir: string,
): Promise<{ image: ProcessedImage; files: { path: string; contents: Uint8Array }[] } | undefined> {
  const index = path.join(cacheDir, "image.json");
  if (!existsSync(index)) return undefined;
  try {
    const cached = JSON.parse(await readFile(index, "utf8")) as CachedImage;
    const files = [];
    for (const [output, name] of Object.entries(cached.files))
      files.push({ path: output, contents: await readFile(path.join(cacheDir, name)) });
    return { image: cached.image, files };
  } catch {
    return undefined; // A damaged cache entry is encoded again.
  }
}

/** Files first, the index last and by rename: a killed build leaves no entry half-written. */
async function writeCache(
  cacheDir: string,
  image: ProcessedImage,
  files: { path: string; contents: Uint8Array }[],
): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const names: Record<string, string> = {};
  for (const file of files) {
    const name = path.posix.basename(file.path);
    await writeFile(path.join(cacheDir, name), file.contents);
    names[file.path] = name;
  }
  const index = path.join(cacheDir, "image.json");
  await writeFile(`${index}.tmp`, JSON.stringify({ image, files: names } satisfies CachedImage));
  await rename(`${index}.tmp`, index);
}
