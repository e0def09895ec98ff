import { KilnError, catalog } from "../errors/index.js";
import type { Segment } from "./page-file.js";

/** Characters that would change a URL's meaning or a file path's: never allowed in a param. */
const UNSAFE = /[\\?#%\p{Cc}]/u;
/** NAME_MAX on Linux and macOS file systems. */
const MAX_SEGMENT_BYTES = 255;

/**
 * Fills a route's parameters into its pattern. Every value is checked, so no param can make
 * a path that leaves the output folder or a URL that means something else.
 */
export function fillSegments(
  segments: readonly Segment[],
  params: Readonly<Record<string, unknown>>,
): string[] {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment.kind === "static") {
      out.push(segment.value);
      continue;
    }
    const value = params[segment.name];
    if (typeof value !== "string" && typeof value !== "number") {
      throw paramError(
        segment.name,
        String(value),
        value === undefined ? "it is missing" : "it must be a string or number",
      );
    }
    const text = String(value);
    const parts = segment.kind === "rest" ? text.split("/").filter((p) => p !== "") : [text];
    if (segment.kind === "param" && text.includes("/")) {
      throw paramError(segment.name, text, "`/` is allowed only in a [...rest] parameter");
    }
    for (const part of parts) {
      if (part === "") throw paramError(segment.name, text, "it is empty");
      if (part === "." || part === "..")
        throw paramError(segment.name, text, "`.` and `..` would leave the page's folder");
      if (UNSAFE.test(part))
        throw paramError(
          segment.name,
          text,
          "it contains `\\`, `?`, `#`, `%` or a control character",
        );
      if (part.trim() !== part)
        throw paramError(segment.name, text, "it starts or ends with a space");
      // Each part is a folder name in the output: file systems refuse names past 255 bytes.
      if (Buffer.byteLength(part) > MAX_SEGMENT_BYTES)
        throw paramError(
          segment.name,
          `${text.slice(0, 40)}…`,
          `a URL segment longer than ${MAX_SEGMENT_BYTES} bytes cannot be a folder name`,
        );
    }
    out.push(...parts);
  }
  return out;
}

function paramError(param: string, value: string, problem: string): KilnError {
  return new KilnError(catalog.RouteParamInvalid({ param, value, problem }));
}

/**
 * `["posts", "hello"]` → `/posts/hello/`; pretty URLs, one folder per page; with
 * `trailingSlash: false`, `/posts/hello`. A file that is not a page (`endpoint`, its
 * extension) keeps its name: `["feed"]`, `.xml` → `/feed.xml`.
 */
export function urlFor(parts: readonly string[], endpoint?: string, trailingSlash = true): string {
  if (endpoint) return `/${parts.join("/")}${endpoint}`;
  if (parts.length === 0) return "/";
  return trailingSlash ? `/${parts.join("/")}/` : `/${parts.join("/")}`;
}

/**
 * Two output paths that are one file on macOS or Windows (case-insensitive, and NFC and NFD
 * spellings alike) have one key: a site that builds on Linux must not lose a page there.
 */
export function outputPathKey(outputPath: string): string {
  return outputPath.normalize("NFC").toLowerCase();
}

/**
 * The file a URL is written to, relative to the output folder, with `/` separators:
 * `posts/hello/index.html`, or `posts/hello.html` without trailing slashes (the file static
 * hosts serve at `/posts/hello` with no redirect).
 */
export function outputPathFor(
  parts: readonly string[],
  endpoint?: string,
  trailingSlash = true,
): string {
  if (endpoint) return `${parts.join("/")}${endpoint}`;
  if (!trailingSlash && parts.length > 0) return `${parts.join("/")}.html`;
  return [...parts, "index.html"].join("/");
}
