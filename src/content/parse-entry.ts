import path from "node:path";
import { decodeText } from "./decode-text.js";
import { splitFrontMatter, type FrontMatterFormat } from "./front-matter.js";
import { parseJson } from "./parse-json.js";
import { parseToml } from "./parse-toml.js";
import { parseYaml, type TextPosition } from "./parse-yaml.js";

export interface ParsedEntry {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

export const ENTRY_EXTENSIONS = new Set([".md", ".mdx", ".json", ".yaml", ".yml"]);

const PARSERS: Record<
  FrontMatterFormat,
  (text: string, at: TextPosition) => Record<string, unknown>
> = { yaml: parseYaml, toml: parseToml, json: parseJson };

/** Turns a content file's bytes into data and body, by extension. */
export function parseEntry(bytes: Uint8Array, file: string): ParsedEntry {
  const text = decodeText(bytes, file);
  switch (path.extname(file)) {
    case ".md":
    case ".mdx": {
      const split = splitFrontMatter(text, file);
      const data =
        split.format === undefined
          ? {}
          : PARSERS[split.format](split.data!, { file, lineOffset: split.dataLine });
      return { data, body: split.body, bodyLine: split.bodyLine };
    }
    case ".json":
      return { data: parseJson(text, { file, lineOffset: 0 }), body: "", bodyLine: 1 };
    default:
      return { data: parseYaml(text, { file, lineOffset: 0 }), body: "", bodyLine: 1 };
  }
}
