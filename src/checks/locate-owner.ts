import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { toPosix } from "../support/index.js";
import type { Owner, PageFact } from "./facts.js";

/** What a page was made from: its page file and the entries it rendered. */
export interface PageOrigin {
  /** Absolute path of the page file (`src/pages/posts/[slug].tsx`, or a `.md` page). */
  file: string;
  /** Entries found in the route's props, in the order given. */
  entries: readonly EntryLike[];
}

/** The part of a content entry the locator reads (an `Entry` of the store fits). */
export interface EntryLike {
  id: string;
  collection: string;
  data: unknown;
  origin: { file: string; bodyLine: number } | { url: string };
}

/**
 * Finds who owns a fact: the markdown or data file of an entry the page rendered (at the line
 * that holds the element), a remote entry (its edit URL), or the page, layout or component file
 * that writes the element. The rendered HTML carries no source positions, so the element is
 * looked up by what it shows (its href, src or text) in the files that could have written it,
 * the page's own content first. Files are read once per build.
 */
export function createOwnerLocator(root: string): (fact: PageFact, page: PageOrigin) => Owner {
  const texts = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(file, "utf8").split("\n"));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  const components = listComponents(path.join(root, "src"));
  const relative = (file: string) => toPosix(path.relative(root, file));
  // One search per file and element: a layout's link is looked for in it once, not per page.
  const found = new Map<string, number | undefined>();
  const search = (file: string, key: string, patterns: readonly ((line: string) => boolean)[]) => {
    const at = `${file}\0${key}`;
    if (!found.has(at)) found.set(at, firstLine(linesOf(file), patterns));
    return found.get(at);
  };
  return (fact, page) => {
    const patterns = patternsOf(fact);
    const key = `${fact.rule}\0${fact.needle ?? ""}`;
    const findLine = (lines: string) => search(lines, key, patterns);
    for (const entry of page.entries) {
      if (!("file" in entry.origin)) continue;
      const line = findLine(entry.origin.file);
      if (line !== undefined)
        return { kind: "file", file: relative(entry.origin.file), line, content: true };
    }
    const pageIsContent = /\.mdx?$/.test(page.file);
    const own = findLine(page.file);
    if (own !== undefined)
      return { kind: "file", file: relative(page.file), line: own, content: pageIsContent };
    const remote = page.entries.find(
      (entry) =>
        "url" in entry.origin &&
        (fact.needle === undefined || JSON.stringify(entry.data).includes(fact.needle)),
    );
    if (remote && "url" in remote.origin) return remoteOwner(remote, remote.origin.url);
    for (const file of components) {
      if (file === page.file) continue;
      const line = findLine(file);
      if (line !== undefined) return { kind: "file", file: relative(file), line, content: false };
    }
    // Not found as written (a rewritten URL, generated text): the content the page rendered
    // owns it if there is one, else the page file.
    const entry = page.entries[0];
    if (entry && "file" in entry.origin)
      return { kind: "file", file: relative(entry.origin.file), line: undefined, content: true };
    if (entry && "url" in entry.origin) return remoteOwner(entry, entry.origin.url);
    return { kind: "file", file: relative(page.file), line: undefined, content: pageIsContent };
  };
}

function remoteOwner(entry: EntryLike, url: string): Owner {
  return {
    kind: "remote",
    collection: entry.collection,
    id: entry.id,
    url,
    editUrl: editUrlOf(entry, url),
  };
}

/** WordPress: `…/wp-json/wp/v2/posts` → `…/wp-admin/post.php?post=<id>&action=edit`. */
function editUrlOf(entry: EntryLike, url: string): string | undefined {
  const data = entry.data as Record<string, unknown> | null;
  if (data && typeof data["editUrl"] === "string") return data["editUrl"];
  const at = url.indexOf("/wp-json/");
  if (at === -1) return undefined;
  const postId = data && (typeof data["wpId"] === "number" ? data["wpId"] : undefined);
  const id = postId ?? (/^\d+$/.test(entry.id) ? entry.id : undefined);
  if (id === undefined) return typeof data?.["link"] === "string" ? data["link"] : undefined;
  return `${url.slice(0, at)}/wp-admin/post.php?post=${id}&action=edit`;
}

/** How the element may be written in its source: markdown, JSX or HTML. */
function patternsOf(fact: PageFact): ((line: string) => boolean)[] {
  const needle = fact.needle;
  const patterns: ((line: string) => boolean)[] = [];
  if (needle !== undefined && needle !== "") {
    if (fact.rule === "heading-order") {
      patterns.push((line) => /^\s*#{1,6}\s/.test(line) && line.includes(needle));
      patterns.push((line) => /<h[1-6]/i.test(line) && line.includes(needle));
    } else {
      const forms = [`"${needle}"`, `'${needle}'`, `(${needle})`, `(${needle} `, `<${needle}>`];
      patterns.push((line) => forms.some((form) => line.includes(form)));
      // A link written relative in markdown (`./other.md`) renders as its page URL: its last
      // segment is what both share.
      const last = needle
        .replace(/[#?].*$/, "")
        .replace(/\/+$/, "")
        .split("/")
        .pop();
      if (last && last.length > 2 && fact.rule.startsWith("link"))
        patterns.push((line) => /\]\(|href=/.test(line) && line.includes(last));
    }
  }
  if (fact.rule === "image-alt" && needle) {
    // A local image is renamed on output (`/_kiln/img/photo.1a2b.webp`): its stem survives.
    const stem = needle.split("/").pop()?.split(".")[0];
    if (stem && stem.length > 2)
      patterns.push((line) => line.includes(stem) && /!\[|<img/i.test(line));
  }
  if (fact.rule === "image-alt")
    patterns.push((line) => /!\[\s*\]\(|<img(?![^>]*\balt=)/i.test(line));
  if (fact.rule === "button-name") patterns.push((line) => /<button[\s>]/i.test(line));
  if (fact.rule === "html-lang") patterns.push((line) => /<html[\s>]/i.test(line));
  if (fact.rule === "document-title") patterns.push((line) => /<head[\s>]/i.test(line));
  return patterns;
}

/** The first line matching the most specific pattern that matches at all; 1-based. */
function firstLine(
  lines: readonly string[] | undefined,
  patterns: readonly ((line: string) => boolean)[],
): number | undefined {
  if (!lines) return undefined;
  for (const pattern of patterns) {
    const at = lines.findIndex(pattern);
    if (at !== -1) return at + 1;
  }
  return undefined;
}

/** Layouts and components the page could have used: the project's `src/` scripts. */
function listComponents(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(?:tsx|jsx|ts|js)$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}
