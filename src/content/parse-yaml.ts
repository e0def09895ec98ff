import { LineCounter, isScalar, parseDocument, visit, type Document } from "yaml";
import { KilnError, catalog } from "../errors/index.js";

/** Aliases beyond this are refused: a "billion laughs" document expands exponentially. */
const MAX_ALIAS_COUNT = 100;
/** Errors of YAML that older parsers (js-yaml 3, Eleventy's) accepted: the hint says so. */
const LEGACY_ACCEPTED = new Set(["TAB_AS_INDENT"]);
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export interface TextPosition {
  file: string;
  /** Added to every line number: the text may start partway into the file (front matter). */
  lineOffset: number;
}

/** Parses YAML data: syntax errors and forbidden keys come back with file:line:column. */
export function parseYaml(text: string, at: TextPosition): Record<string, unknown> {
  const lineCounter = new LineCounter();
  // Duplicate keys are found by checkKeys in one pass: the yaml package's `uniqueKeys`
  // compares every key with every other (100,000 keys took 76 s).
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const location = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: at.file, line: line + at.lineOffset, column: col };
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const reason = syntax.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    const legacy = LEGACY_ACCEPTED.has(syntax.code)
      ? 'YAML does not allow tabs in indentation, but older parsers (js-yaml 3, which Eleventy uses) let them through, so this file may have built elsewhere. Indent with spaces, or set `invalid: "skip"` on the collection to leave such files out.'
      : undefined;
    throw new KilnError(
      catalog.DataSyntax({ format: "YAML", reason, legacy }),
      location(syntax.pos[0]),
    );
  }
  checkKeys(doc, location);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KilnError(
      catalog.DataSyntax({ format: "YAML", reason }),
      location(firstAliasOffset(doc)),
      { cause: error },
    );
  }
  return asRecord(data ?? {}, { file: at.file, line: 1 + at.lineOffset });
}

/** Refuses keys that could reach a prototype, and a key given twice in one mapping. */
function checkKeys(
  doc: Document,
  location: (offset: number) => { file: string; line: number; column: number },
): void {
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const offset = pair.key.range?.[0] ?? 0;
        if (FORBIDDEN_KEYS.has(key))
          throw new KilnError(catalog.DataKeyForbidden({ key }), location(offset));
        if (seen.has(key))
          throw new KilnError(catalog.DataKeyDuplicate({ key, format: "YAML" }), location(offset));
        seen.add(key);
      }
    },
  });
}

/** Where an alias bomb starts to go off: the first alias in the document. */
function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Entry data must be a mapping; anything else is the user's mistake, named as such. */
export function asRecord(
  data: unknown,
  where: { file: string; line?: number },
): Record<string, unknown> {
  if (data !== null && typeof data === "object" && !Array.isArray(data)) {
    return data as Record<string, unknown>;
  }
  const found = Array.isArray(data) ? "a list" : data === null ? "nothing" : `a ${typeof data}`;
  throw new KilnError(catalog.DataNotObject({ found }), where);
}

/** Walks parsed JSON for keys that could reach an object's prototype when copied. */
export function assertSafeKeys(value: unknown, file: string): void {
  if (value === null || typeof value !== "object") return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new KilnError(catalog.DataKeyForbidden({ key }), { file });
    assertSafeKeys((value as Record<string, unknown>)[key], file);
  }
}
