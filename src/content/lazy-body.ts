import { readFileSync } from "node:fs";
import { decodeText } from "./decode-text.js";
import type { Entry } from "./entry.js";
import { splitFrontMatter } from "./front-matter.js";

/**
 * An entry whose markdown body stays on disk until a page reads it, so a site of 100k posts
 * does not hold every post in memory (bodies are most of a site's bytes). The getter is
 * enumerable: spreading or structured-cloning the entry copies the body as a string.
 */
export function withLazyBody(entry: Omit<Entry, "body">, file: string): Entry {
  const lazy = { ...entry } as Entry;
  Object.defineProperty(lazy, "body", { enumerable: true, get: () => readBody(file) });
  return lazy;
}

/** The entry with new data; a lazy body stays lazy (a spread would read it). */
export function withData(entry: Entry, data: Record<string, unknown>): Entry {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(entry)) as Entry;
  Object.defineProperty(copy, "data", { value: data, enumerable: true });
  return copy;
}

/** The body of a markdown file, without its front matter, read from disk now. */
export function readBody(file: string): string {
  return splitFrontMatter(decodeText(readFileSync(file), file), file).body;
}
