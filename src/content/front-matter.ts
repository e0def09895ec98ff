import { KilnError, catalog } from "../errors/index.js";

export type FrontMatterFormat = "yaml" | "toml" | "json";

export interface FrontMatterSplit {
  /** The front matter's language, or undefined when the file has none. */
  format: FrontMatterFormat | undefined;
  /** The text between the fences, or undefined when the file has none. */
  data: string | undefined;
  /** 0-based line where the data starts (the line after the opening fence). */
  dataLine: number;
  body: string;
  /** 1-based line where the body starts, so markdown errors can name the file's line. */
  bodyLine: number;
}

/** `---` (YAML, or the language after it: `---toml`, `---json`) or Hugo's `+++` for TOML. */
const OPEN = /^(---|\+\+\+)([^\r\n]*)\r?\n/;
const CLOSE: Record<string, RegExp> = {
  "---": /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m,
  "+++": /^\+\+\+[ \t]*(?:\r?\n|$)/m,
};
const LANGUAGES: Record<string, FrontMatterFormat> = {
  "": "yaml",
  yaml: "yaml",
  toml: "toml",
  json: "json",
};

/**
 * Separates front matter from the body. Front matter is data, never code: a fence naming
 * any other language (`---js`) is refused rather than run.
 */
export function splitFrontMatter(text: string, file: string): FrontMatterSplit {
  const open = OPEN.exec(text);
  if (!open) return { format: undefined, data: undefined, dataLine: 0, body: text, bodyLine: 1 };
  const fence = open[1]!;
  const language = open[2]!.trim();
  const format =
    fence === "+++" ? (language === "" ? "toml" : undefined) : LANGUAGES[language.toLowerCase()];
  if (format === undefined) {
    throw new KilnError(catalog.FrontMatterLanguage({ language }), { file, line: 1, column: 4 });
  }
  const rest = text.slice(open[0].length);
  const close = CLOSE[fence]!.exec(rest);
  if (!close) throw new KilnError(catalog.FrontMatterUnclosed(), { file, line: 1, column: 1 });
  const data = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length);
  const bodyLine = 2 + countLines(data) + 1;
  return { format, data, dataLine: 1, body, bodyLine };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
