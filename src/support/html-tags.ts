import { decodeAttribute } from "./html-attribute.js";

const TAG =
  /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const RAW_TEXT = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * Calls `visit` with each opening tag of Kiln's own HTML and its attributes (names lower-cased,
 * values decoded), outside scripts and styles. Attribute values are read whole, so text
 * inside one (an island's props: `' onmouseover='…`) is never taken for an attribute.
 */
export function forEachTag(
  html: string,
  visit: (tag: string, attributes: ReadonlyMap<string, string>) => void,
): void {
  const markup = /<(?:script|style|template)\b/i.test(html) ? html.replace(RAW_TEXT, "") : html;
  for (const [, tag = "", attributes = ""] of markup.matchAll(TAG))
    visit(tag.toLowerCase(), attributesOf(attributes));
}

export function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  if (text === "") return attributes;
  for (const [, name = "", double, single, bare] of text.matchAll(ATTRIBUTE))
    attributes.set(name.toLowerCase(), decodeAttribute(double ?? single ?? bare ?? ""));
  return attributes;
}
