import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
// A type-only import: erased at build time, so shiki is not loaded until a block needs it.
import type * as ShikiModule from "shiki";
import { KilnError, catalog } from "../errors/index.js";
import { sha256 } from "../support/index.js";

export interface HighlightThemes {
  /** A shiki theme name: colours written inline, used by default. */
  light: string;
  /** A shiki theme name: colours written as `--shiki-dark` CSS variables. */
  dark: string;
}

export interface CodeBlock {
  /** The fence's language as written (`ts`, `TypeScript`, `foo`). */
  lang: string;
  code: string;
  /** Where the fence opens, for the unknown-language warning. */
  file?: string | undefined;
  line?: number | undefined;
}

export interface HighlighterOptions {
  themes: HighlightThemes;
  /** `.kiln/`: highlighted blocks are kept in `highlight/` there, by digest. */
  cacheDir?: string | undefined;
  warn?: ((message: string) => void) | undefined;
}

/** Languages that mean "no highlighting": rendered plain, without a warning. */
const PLAIN = new Set(["", "text", "txt", "plain", "plaintext"]);
/** Cached for a language shiki does not know: render plain, warn again. */
const UNKNOWN = "";

const shikiVersion = (createRequire(import.meta.url)("shiki/package.json") as { version: string })
  .version;

type Shiki = typeof ShikiModule;

/** In memory, a block is its language and code: no hashing on the render path. */
function memoryKey(lang: string, code: string): string {
  return `${lang.toLowerCase()}\u0000${code}`;
}

/**
 * Syntax highlighting with shiki, done ahead of rendering: markdown-it's `highlight` hook is
 * synchronous, and shiki loads grammars asynchronously. `prepare()` highlights every block a
 * build will need (cache misses only) and `lookup()` hands them to the renderer. shiki itself
 * is imported only when a block is not in the cache, so a warm build, or a site without
 * code, never pays for loading it.
 */
export class CodeHighlighter {
  private readonly ready = new Map<string, string>();
  private shiki: Promise<Shiki> | undefined;
  /** Blocks highlighted by shiki (not from a cache) since this highlighter was made. */
  highlighted = 0;

  constructor(private readonly options: HighlighterOptions) {}

  /** The highlighted `<pre>` for a block `prepare()` saw, or undefined to render it plain. */
  lookup(lang: string, code: string): string | undefined {
    if (PLAIN.has(lang.toLowerCase())) return undefined;
    return this.ready.get(memoryKey(lang, code)) || undefined;
  }

  async prepare(blocks: readonly CodeBlock[]): Promise<void> {
    const misses: CodeBlock[] = [];
    for (const block of blocks) {
      if (PLAIN.has(block.lang.toLowerCase())) continue;
      const key = memoryKey(block.lang, block.code);
      const html = this.ready.get(key) ?? this.readCache(this.fileKeyOf(block.lang, block.code));
      if (html === undefined) misses.push(block);
      else {
        this.ready.set(key, html);
        if (html === UNKNOWN) this.warnUnknown(block);
      }
    }
    if (misses.length === 0) return;
    const shiki = await (this.shiki ??= import("shiki"));
    const { light, dark } = this.options.themes;
    for (const theme of [light, dark]) {
      if (!(theme in shiki.bundledThemes)) {
        throw new KilnError(catalog.MarkdownThemeUnknown({ theme }));
      }
    }
    const langs = [...new Set(misses.map((b) => b.lang.toLowerCase()))].filter(
      (lang) => lang in shiki.bundledLanguages,
    );
    const highlighter = await shiki.createHighlighter({ themes: [light, dark], langs });
    try {
      for (const block of misses) {
        const key = memoryKey(block.lang, block.code);
        if (this.ready.has(key)) {
          if (this.ready.get(key) === UNKNOWN) this.warnUnknown(block);
          continue;
        }
        const lang = block.lang.toLowerCase();
        let html = UNKNOWN;
        if (lang in shiki.bundledLanguages) {
          html = highlighter.codeToHtml(block.code.replace(/\n$/, ""), {
            lang,
            themes: { light, dark },
            // shiki stops tokenizing a line after 500 ms by default and leaves the rest
            // uncoloured: on a busy machine the same code came out in different colours
            // from run to run. Output must not depend on the machine's load.
            tokenizeTimeLimit: 0,
          });
          this.highlighted++;
        } else this.warnUnknown(block);
        this.ready.set(key, html);
        this.writeCache(this.fileKeyOf(block.lang, block.code), html);
      }
    } finally {
      highlighter.dispose();
    }
  }

  /** The shiki version and themes are part of the key: changing either re-highlights. */
  private fileKeyOf(lang: string, code: string): string {
    const { light, dark } = this.options.themes;
    return sha256(JSON.stringify([shikiVersion, light, dark, lang.toLowerCase(), code]));
  }

  private cacheFile(key: string): string | undefined {
    const dir = this.options.cacheDir;
    return dir === undefined ? undefined : path.join(dir, "highlight", `${key}.html`);
  }

  private readCache(key: string): string | undefined {
    const file = this.cacheFile(key);
    if (file === undefined) return undefined;
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  }

  /** A lost cache write costs a re-highlight next time, never a failed build. */
  private writeCache(key: string, html: string): void {
    const file = this.cacheFile(key);
    if (file === undefined) return;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, html);
    } catch {
      // The cache is optional by design (DESIGN.md: it can be deleted at any time).
    }
  }

  private warnUnknown(block: CodeBlock): void {
    const where = block.file ? `${block.file}${block.line ? `:${block.line}` : ""}: ` : "";
    this.options.warn?.(
      `${where}no syntax highlighting for the language "${block.lang}"; the block is shown as plain text.`,
    );
  }
}
