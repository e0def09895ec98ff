import type { VNode } from "preact";
import { KilnError, catalog } from "../errors/index.js";
import { escapeAttribute } from "./html-escape.js";

/** Attributes of the document's `<html>` and `<body>`, in the order first set. */
export interface RootAttributes {
  html: Map<string, string | true>;
  body: Map<string, string | true>;
}

const NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

/**
 * Merges the `<html …/>` and `<body …/>` a page's `<Head>`s gave, layout first: a later value
 * of an attribute replaces an earlier one, except `class`, whose names add up (a layout's
 * `class="docs"` and its page's `class="home"` give `class="docs home"`).
 */
export function mergeRootAttributes(nodes: readonly VNode[]): RootAttributes {
  const merged: RootAttributes = { html: new Map(), body: new Map() };
  for (const node of nodes) {
    if (node.type !== "html" && node.type !== "body") continue;
    const target = merged[node.type];
    for (const [key, value] of Object.entries(node.props as Record<string, unknown>)) {
      const name = key === "className" ? "class" : key;
      // As in JSX elsewhere: data-* and aria-* keep booleans as text, others drop false.
      const asText = /^(data|aria)-/.test(name) && typeof value === "boolean";
      if (key === "children" || value === undefined || value === null) continue;
      if (value === false && !asText) continue;
      if (!NAME.test(name) || /^on/i.test(name))
        throw new KilnError(catalog.RootAttributeInvalid({ element: node.type, name }));
      const text = value === true && !asText ? true : String(value);
      const previous = target.get(name);
      target.set(
        name,
        name === "class" && typeof previous === "string" && typeof text === "string"
          ? joinClasses(previous, text)
          : text,
      );
    }
  }
  return merged;
}

function joinClasses(a: string, b: string): string {
  return [...new Set(`${a} ${b}`.split(/\s+/).filter(Boolean))].join(" ");
}

/** ` class="home" data-theme="dark"`: ready to follow the tag's name. */
export function renderAttributes(attributes: ReadonlyMap<string, string | true>): string {
  let out = "";
  for (const [name, value] of attributes)
    out += value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`;
  return out;
}
