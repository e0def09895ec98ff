import { attributesOf } from "../support/index.js";

const TOKEN =
  /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|([^<]+)/g;
const RAW_TEXT = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Inputs that need no label: hidden, or named by their own value. */
const SELF_NAMED = new Set(["hidden", "submit", "button", "reset", "image"]);

interface Named {
  tag: "a" | "button" | "label";
  named: boolean;
  text: string;
  /** For a label: the controls inside it are labelled. */
  controls: number;
}

/**
 * The accessibility problems of one page Kiln wrote, as sentences: images without alt, no
 * `lang` or `<title>`, skipped heading levels, links and buttons without an accessible name,
 * duplicate ids, and form controls without a label. The rules axe-core and html-validate
 * report most often, checked with one scan of the page's tags rather than a DOM.
 */
export function accessibilityProblems(html: string): string[] {
  const problems = new Set<string>();
  const ids = new Set<string>();
  const labelled = new Set<string>();
  const controls: { id: string | undefined; tag: string; inLabel: boolean; named: boolean }[] = [];
  const open: Named[] = [];
  let title: string | undefined;
  let inTitle = false;
  let lastHeading = 0;
  let sawHtml = false;
  const markup = html.replace(RAW_TEXT, "");
  for (const [, closing, rawTag = "", rawAttributes = "", text] of markup.matchAll(TOKEN)) {
    if (text !== undefined) {
      if (inTitle) title = (title ?? "") + text;
      if (!isBlank(text)) for (const element of open) element.text += text;
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (closing) {
      if (tag === "title") inTitle = false;
      const at = open.findLastIndex((element) => element.tag === tag);
      if (at !== -1) {
        const [element] = open.splice(at, 1);
        if (element!.tag !== "label" && !element!.named && isBlank(element!.text))
          problems.add(`a <${element!.tag}> has no text or aria-label`);
      }
      continue;
    }
    const attributes = attributesOf(rawAttributes);
    const id = attributes.get("id");
    if (id !== undefined) {
      if (ids.has(id)) problems.add(`the id "${id}" is used twice`);
      ids.add(id);
    }
    const hasName =
      nonEmpty(attributes.get("aria-label")) ||
      nonEmpty(attributes.get("aria-labelledby")) ||
      nonEmpty(attributes.get("title"));
    if (tag === "html") {
      sawHtml = true;
      if (!nonEmpty(attributes.get("lang"))) problems.add("<html> has no lang");
    } else if (tag === "title") {
      inTitle = true;
      title ??= "";
    } else if (/^h[1-6]$/.test(tag)) {
      const level = Number(tag[1]);
      if (lastHeading > 0 && level > lastHeading + 1)
        problems.add(`a heading skips from h${lastHeading} to h${level}`);
      lastHeading = level;
    } else if (tag === "img") {
      const alt = attributes.get("alt");
      if (alt === undefined && attributes.get("role") !== "presentation")
        problems.add(`an <img> has no alt (${attributes.get("src") ?? "no src"})`);
      if (alt) for (const element of open) element.text += alt;
    } else if (tag === "a" && attributes.has("href")) {
      open.push({ tag: "a", named: hasName, text: "", controls: 0 });
    } else if (tag === "button") {
      open.push({ tag: "button", named: hasName, text: "", controls: 0 });
    } else if (tag === "label") {
      const target = attributes.get("for");
      if (target) labelled.add(target);
      open.push({ tag: "label", named: true, text: "", controls: 0 });
    } else if (tag === "input" || tag === "select" || tag === "textarea") {
      const type = (attributes.get("type") ?? "text").toLowerCase();
      if (tag !== "input" || !SELF_NAMED.has(type)) {
        const inLabel = open.some((element) => element.tag === "label");
        controls.push({ id, tag, inLabel, named: hasName });
      }
    }
  }
  for (const control of controls) {
    const isLabelled =
      control.named || control.inLabel || (control.id !== undefined && labelled.has(control.id));
    if (!isLabelled) problems.add(`a <${control.tag}> has no label`);
  }
  if (sawHtml && (title === undefined || isBlank(title))) problems.add("the page has no <title>");
  return [...problems];
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && !isBlank(value);
}

/** Whitespace, written as characters or as entities (`&nbsp;`): what no reader announces. */
function isBlank(text: string): boolean {
  return text.replace(/&(?:nbsp|ensp|emsp|thinsp|#0*160|#x0*a0|#0*32|#x0*20);/gi, "").trim() === "";
}
