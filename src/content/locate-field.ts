import { readFileSync } from "node:fs";
import path from "node:path";
import { LineCounter, isMap, isNode, isSeq, parseDocument, type Node } from "yaml";
import { splitFrontMatter } from "./front-matter.js";

/**
 * Finds where a data field is written in a content file, for error messages. JSON is read
 * as YAML (a superset) to get positions. A missing field points at its closest parent.
 */
export function locateField(
  file: string,
  keys: readonly PropertyKey[],
): { line: number; column: number } {
  let text: string;
  try {
    text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return { line: 1, column: 1 };
  }
  let lineOffset = 0;
  if (path.extname(file) === ".md" || path.extname(file) === ".mdx") {
    const split = splitFrontMatter(text, file);
    if (split.data === undefined) return { line: 1, column: 1 };
    // TOML is not YAML: point at the key's line by name, the best a regex can do.
    if (split.format === "toml") return locateTomlKey(split.data, keys[0], split.dataLine);
    text = split.data;
    lineOffset = split.dataLine;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  let node: unknown = doc.contents;
  let offset = 0;
  for (const key of keys) {
    const found = childAt(node, key);
    if (!found) break;
    offset = found.keyOffset;
    node = found.value;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line: line + lineOffset, column: col };
}

function childAt(
  node: unknown,
  key: PropertyKey,
): { keyOffset: number; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isNode(item.key) && (item.key as Node & { value?: unknown }).value === key,
    );
    const keyNode = pair?.key as Node | undefined;
    if (pair && keyNode?.range) return { keyOffset: keyNode.range[0], value: pair.value };
  }
  if (isSeq(node) && typeof key === "number") {
    const item = node.items[key] as Node | undefined;
    if (item?.range) return { keyOffset: item.range[0], value: item };
  }
  return undefined;
}

function locateTomlKey(
  text: string,
  key: PropertyKey | undefined,
  lineOffset: number,
): { line: number; column: number } {
  const name = String(key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^\\s*["']?${name}["']?\\s*=`);
  const index = text.split("\n").findIndex((line) => pattern.test(line));
  return index === -1 ? { line: 1, column: 1 } : { line: index + 1 + lineOffset, column: 1 };
}
