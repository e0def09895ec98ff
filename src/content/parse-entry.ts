import path from "node:path";
import { parse as parseJsonWithOffsets, type ParseError } from "jsonc-parser";
import { KilnError, catalog } from "../errors/index.js";
import { decodeText } from "./decode-text.js";
import { splitFrontMatter } from "./front-matter.js";
import { asRecord, assertSafeKeys, parseYaml } from "./parse-yaml.js";

export interface ParsedEntry {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

export const ENTRY_EXTENSIONS = new Set([".md", ".json", ".yaml", ".yml"]);

/** Turns a content file's bytes into data and body, by extension. */
export function parseEntry(bytes: Uint8Array, file: string): ParsedEntry {
  const text = decodeText(bytes, file);
  switch (path.extname(file)) {
    case ".md": {
      const split = splitFrontMatter(text, file);
      const data =
        split.yaml === undefined ? {} : parseYaml(split.yaml, { file, lineOffset: split.yamlLine });
      return { data, body: split.body, bodyLine: split.bodyLine };
    }
    case ".json":
      return { data: parseJson(text, file), body: "", bodyLine: 1 };
    default:
      return { data: parseYaml(text, { file, lineOffset: 0 }), body: "", bodyLine: 1 };
  }
}

function parseJson(text: string, file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(text);
    const location = offset === undefined ? { file } : { file, ...lineColumnAt(text, offset) };
    throw new KilnError(catalog.DataSyntax({ format: "JSON", reason }), location, { cause: error });
  }
  assertSafeKeys(data, file);
  return asRecord(data, { file, line: 1 });
}

/** Node's JSON.parse names a position only for some errors; jsonc-parser always does. */
function jsonErrorOffset(text: string): number | undefined {
  const errors: ParseError[] = [];
  parseJsonWithOffsets(text, errors, { disallowComments: true, allowTrailingComma: false });
  return errors[0]?.offset;
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
