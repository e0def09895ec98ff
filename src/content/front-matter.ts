import { KilnError, catalog } from "../errors/index.js";

export interface FrontMatterSplit {
  /** The YAML between the fences, or undefined when the file has none. */
  yaml: string | undefined;
  /** 0-based line where the YAML starts (the line after the opening fence). */
  yamlLine: number;
  body: string;
  /** 1-based line where the body starts, so markdown errors can name the file's line. */
  bodyLine: number;
}

const OPEN = /^---([^\r\n]*)\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Separates `---` YAML front matter from the body. Front matter is data, never code. */
export function splitFrontMatter(text: string, file: string): FrontMatterSplit {
  const open = OPEN.exec(text);
  if (!open) return { yaml: undefined, yamlLine: 0, body: text, bodyLine: 1 };
  const language = open[1]!.trim();
  if (language !== "" && language.toLowerCase() !== "yaml") {
    throw new KilnError(catalog.FrontMatterLanguage({ language }), { file, line: 1, column: 4 });
  }
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) throw new KilnError(catalog.FrontMatterUnclosed(), { file, line: 1, column: 1 });
  const yaml = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length);
  const bodyLine = 2 + countLines(yaml) + 1;
  return { yaml, yamlLine: 1, body, bodyLine };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
