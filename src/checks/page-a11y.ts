import { attributesOf } from "../support/index.js";
import type { PageFact, RuleId } from "./facts.js";

const TOKEN =
  /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|([^<]+)/g;
const RAW_TEXT = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Inputs that need no label: hidden, or named by their own value. */
const SELF_NAMED = new Set(["hidden", "submit", "button", "reset", "image"]);

interface Named {
  tag: "a" | "button" | "label";
  named: boolean;
  text: string;
  /** The href of a link, to say which one and find it in its source. */
  href: string | undefined;
  /** For a label: the controls inside it are labelled. */
  controls: number;
}

/** The problems of `accessibilityFacts` as sentences. */
export function accessibilityProblems(html: string): string[] {
  return accessibilityFacts(html).map((fact) => fact.message);
}

/**
 * The accessibility problems of one page Kiln wrote, one fact per element: images without alt, no
 * `lang` or `<title>`, skipped heading levels, links and buttons without an accessible name,
 * duplicate ids, and form controls without a label. The rules axe-core and html-validate
 * report most often, checked with one scan of the page's tags rather than a DOM.
 */
export function accessibilityFacts(html: string): PageFact[] {
  const facts = new Map<string, PageFact>();
  const add = (rule: RuleId, message: string, element: string, needle: string | undefined) => {
    // One fact per element, not per message: two unnamed links are two problems to fix.
    const key = `${rule}\0${message}\0${element}`;
    if (!facts.has(key)) facts.set(key, { rule, message, element, needle });
  };
  const ids = new Set<string>();
  const labelled = new Set<string>();
  const controls: {
    id: string | undefined;
    tag: string;
    inLabel: boolean;
    named: boolean;
    name: string | undefined;
  }[] = [];
  const open: Named[] = [];
  let title: string | undefined;
  let inTitle = false;
  let lastHeading = 0;
  let heading: { from: number; level: number; text: string } | undefined;
  let sawHtml = false;
  const markup = html.replace(RAW_TEXT, "");
  for (const [, closing, rawTag = "", rawAttributes = "", text] of markup.matchAll(TOKEN)) {
    if (text !== undefined) {
      if (inTitle) title = (title ?? "") + text;
      if (!isBlank(text)) for (const element of open) element.text += text;
      if (heading) heading.text += text;
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (closing) {
      if (tag === "title") inTitle = false;
      if (heading && tag === `h${heading.level}`) {
        const text = heading.text.trim().replace(/\s+/g, " ");
        add(
          "heading-order",
          `the heading "${text}" skips from h${heading.from} to h${heading.level}`,
          `<h${heading.level}>${text}</h${heading.level}>`,
          text || undefined,
        );
        heading = undefined;
      }
      const at = open.findLastIndex((element) => element.tag === tag);
      if (at !== -1) {
        const [element] = open.splice(at, 1);
        if (element!.tag !== "label" && !element!.named && isBlank(element!.text)) {
          const { tag: named, href } = element!;
          add(
            named === "a" ? "link-name" : "button-name",
            named === "a"
              ? `the link to "${href}" has no text or aria-label`
              : "a <button> has no text or aria-label",
            named === "a" ? `<a href="${href}">` : "<button>",
            href,
          );
        }
      }
      continue;
    }
    const attributes = attributesOf(rawAttributes);
    const id = attributes.get("id");
    if (id !== undefined) {
      if (ids.has(id)) add("duplicate-id", `the id "${id}" is used twice`, `id="${id}"`, id);
      ids.add(id);
    }
    const hasName =
      nonEmpty(attributes.get("aria-label")) ||
      nonEmpty(attributes.get("aria-labelledby")) ||
      nonEmpty(attributes.get("title"));
    // `<svg role="img" aria-label="Twitter">` inside a link names it, as an <img alt> does.
    if (tag !== "a" && tag !== "button" && hasName && attributes.get("role") === "img")
      for (const element of open) element.text += attributes.get("aria-label") ?? "x";
    if (tag === "html") {
      sawHtml = true;
      if (!nonEmpty(attributes.get("lang")))
        add("html-lang", "<html> has no lang", "<html>", undefined);
    } else if (tag === "title") {
      inTitle = true;
      title ??= "";
    } else if (/^h[1-6]$/.test(tag)) {
      const level = Number(tag[1]);
      if (lastHeading > 0 && level > lastHeading + 1)
        heading = { from: lastHeading, level, text: "" };
      lastHeading = level;
    } else if (tag === "img") {
      const alt = attributes.get("alt");
      if (alt === undefined && attributes.get("role") !== "presentation") {
        const src = attributes.get("src");
        add("image-alt", `the image ${src ?? "(no src)"} has no alt`, `<img src="${src}">`, src);
      }
      if (alt) for (const element of open) element.text += alt;
    } else if (tag === "a" && attributes.has("href")) {
      open.push({ tag: "a", named: hasName, text: "", controls: 0, href: attributes.get("href") });
    } else if (tag === "button") {
      open.push({ tag: "button", named: hasName, text: "", controls: 0, href: undefined });
    } else if (tag === "label") {
      const target = attributes.get("for");
      if (target) labelled.add(target);
      open.push({ tag: "label", named: true, text: "", controls: 0, href: undefined });
    } else if (tag === "input" || tag === "select" || tag === "textarea") {
      const type = (attributes.get("type") ?? "text").toLowerCase();
      if (tag !== "input" || !SELF_NAMED.has(type)) {
        const inLabel = open.some((element) => element.tag === "label");
        controls.push({ id, tag, inLabel, named: hasName, name: attributes.get("name") });
      }
    }
  }
  for (const control of controls) {
    const isLabelled =
      control.named || control.inLabel || (control.id !== undefined && labelled.has(control.id));
    if (!isLabelled) {
      const which = control.name ?? control.id;
      const element = `<${control.tag}${which ? ` name="${which}"` : ""}>`;
      add("form-label", `the ${element} has no label`, element, which);
    }
  }
  if (sawHtml && (title === undefined || isBlank(title)))
    add("document-title", "the page has no <title>", "<title>", undefined);
  return [...facts.values()];
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && !isBlank(value);
}

/** Whitespace, written as characters or as entities (`&nbsp;`): what no reader announces. */
function isBlank(text: string): boolean {
  return text.replace(/&(?:nbsp|ensp|emsp|thinsp|#0*160|#x0*a0|#0*32|#x0*20);/gi, "").trim() === "";
}
