import { parse as parseJsonWithOffsets, visit, type ParseError } from "jsonc-parser";
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
  rejectDuplicateKeys(text, at);
  return asRecord(data, { file: at.file, line: 1 + at.lineOffset });
}

/**
 * JSON.parse keeps the last of two equal keys without a word; YAML refuses them. Both refuse
 * now, at the second key's line.
 */
function rejectDuplicateKeys(text: string, at: TextPosition): void {
  const open: Set<string>[] = [];
  visit(text, {
    onObjectBegin: () => void open.push(new Set()),
    onObjectEnd: () => void open.pop(),
    onObjectProperty: (key, offset) => {
      const keys = open.at(-1)!;
      if (keys.has(key)) {
        throw new KilnError(catalog.DataKeyDuplicate({ key, format: "JSON" }), {
          file: at.file,
          ...lineColumnAt(text, offset, at.lineOffset),
        });
      }
      keys.add(key);
    },
  });
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
