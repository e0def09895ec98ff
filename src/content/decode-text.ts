import { KilnError, catalog } from "../errors/index.js";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Strict UTF-8: a bad byte is an error with its offset, line and column, never a silent
 * U+FFFD. A BOM is dropped. Line endings become `\n`: CommonMark and YAML count a lone CR as
 * a line ending too, and a file saved with CR alone had its front matter published as text.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    const offset = firstInvalidByte(bytes);
    throw new KilnError(
      catalog.Utf8Invalid({ offset }),
      { file, ...lineColumnOfByte(bytes, offset) },
      { cause: error },
    );
  }
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** 1-based line and column (in characters) of a byte offset; the bytes before it are valid. */
function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder().decode(bytes.subarray(0, Math.max(0, offset)));
  const lines = before.split(/\r\n?|\n/);
  return { line: lines.length, column: [...lines.at(-1)!].length + 1 };
}

/** Offset of the first byte that starts an ill-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += length;
  }
  return -1;
}
