import { KilnError, catalog } from "../errors/index.js";
import { asRecord, assertSafeKeys, type TextPosition } from "./parse-yaml.js";

/** Parses JSON data: syntax errors come back with file:line:column. */
export function parseJson(text: string, at: TextPosition): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(reason)?.[1];
    const location =
      offset === undefined
        ? { file: at.file }
        : { file: at.file, ...lineColumnAt(text, Number(offset), at.lineOffset) };
    throw new KilnError(catalog.DataSyntax({ format: "JSON", reason }), location, { cause: error });
  }
  assertSafeKeys(data, at.file);
  return asRecord(data, { file: at.file, line: 1 + at.lineOffset });
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
