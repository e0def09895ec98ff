import { TomlError, parse } from "smol-toml";
import { KilnError, catalog } from "../errors/index.js";
import { asRecord, assertSafeKeys, type TextPosition } from "./parse-yaml.js";

/** Parses TOML data (smol-toml, TOML 1.0): syntax errors come back with file:line:column. */
export function parseToml(text: string, at: TextPosition): Record<string, unknown> {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split("\n")[0]!.replace(/^Invalid TOML document: /, "");
    throw new KilnError(
      catalog.DataSyntax({ format: "TOML", reason }),
      { file: at.file, line: error.line + at.lineOffset, column: error.column },
      { cause: error },
    );
  }
  assertSafeKeys(data, at.file);
  return asRecord(data, { file: at.file, line: 1 + at.lineOffset });
}
