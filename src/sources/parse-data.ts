import { XMLParser, XMLValidator } from "fast-xml-parser";
import { KilnError, catalog } from "../errors/index.js";

/**
 * JSON.parse, with an error that names the URL, line and column. V8 reports a byte
 * position ("at position 42") or, for a cut-off body, nothing: then the end is the place.
 */
export function parseJson(text: string, source: string, url: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const match = /at position (\d+)/.exec(reason);
    const offset = match ? Number(match[1]) : text.length;
    const { line, column } = lineAndColumn(text, offset);
    throw new KilnError(
      catalog.SourceSyntax({
        source,
        url,
        format: "JSON",
        line,
        column,
        reason: trimReason(reason),
      }),
    );
  }
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  // Only XML's own five entities; no DOCTYPE-declared ones, so no entity expansion bombs.
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/** Validates first, because the parser itself is lenient, so a broken feed is an error. */
export function parseXml(text: string, source: string, url: string): unknown {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new KilnError(
      catalog.SourceSyntax({ source, url, format: "XML", line, column: col, reason: msg }),
    );
  }
  if (/<!DOCTYPE[^>]*\[/i.test(text)) {
    throw new KilnError(
      catalog.SourceResponseInvalid({
        source,
        url,
        problem:
          "the XML declares its own entities (a DOCTYPE with an internal subset), which Kiln refuses",
      }),
    );
  }
  return xmlParser.parse(text) as unknown;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return { line, column };
}

/** V8's message without the position, which the error already gives as line and column. */
function trimReason(reason: string): string {
  return (
    reason.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, "").replace(/\.$/, "") +
    "."
  );
}
