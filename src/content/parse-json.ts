import { parse as parseJsonWithOffsets, type ParseError } from "jsonc-parser";
import { KilnError, catalog } from "../errors/index.js";
import { asRecord, assertSafeKeys, type TextPosition } from "./parse-yaml.js";

/** Parses JSON data: syntax errors come back with file:line:column. */
export function parseJson(text: string, at: TextPosition): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(text);
    const location =
      offset === undefined
        ? { file: at.file }
        : { file: at.file, ...lineColumnAt(text, offset, at.lineOffset) };
    throw new KilnError(catalog.DataSyntax({ format: "JSON", reason }), location, { cause: error });
  }
  assertSafeKeys(data, at.file);
  return asRecord(data, { file: at.file, line: 1 + at.lineOffset });
}

/** Node's JSON.parse names a position only for some errors; jsonc-parser always does. */
function jsonErrorOffset(text: string): number | undefined {
  const errors: ParseError[] = [];
  parseJsonWithOffsets(text, errors, { disallowComments: true, allowTrailingComma: false });
  return errors[0]?.offset;
}

export function lineColumnAt(
  text: string,
  offset: number,
  lineOffset = 0,
): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length + lineOffset;
  return { line, column: offset - before.lastIndexOf("\n") };
}
