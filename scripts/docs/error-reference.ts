/**
 * The error reference page, made from the error catalog (src/errors) so it lists every code
 * there is: its title, its cause, its message and hint with their arguments shown as `{name}`, one
 * heading (and so one anchor, `#kiln_config_invalid`) per code. `formatError` prints a link
 * to that anchor under every error.
 */
import { DOCS_DIR, catalog, type CatalogEntry } from "../../src/errors/index.js";
import { escapeText, generatedNotice } from "./markdown-text.js";

export function errorReference(): string {
  const entries = Object.values(catalog) as CatalogEntry<unknown>[];
  const out = [
    "---",
    "title: Error reference",
    'description: "Every error Kiln reports, by code: what it means and what to do."',
    "order: 91",
    "group: Reference",
    "---",
    "",
    generatedNotice("src/errors/catalog*.ts"),
    "",
    "Every error a project can cause has a permanent code. Kiln prints it with the message,",
    "the file, line and column where there is one, a code frame, a hint, and a link to its",
    "entry here. Words in braces, `{file}`, stand for what the error fills in. Run a command",
    "with `--debug` to see Kiln's stack as well.",
    "",
  ];
  // A code may have several entries (the `<Image>` and the markdown image without alt share
  // KILN_IMAGE_ALT): one heading, so one anchor, with each of them under it.
  const byCode = new Map<string, CatalogEntry<unknown>[]>();
  for (const entry of entries) byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), entry]);
  for (const [code, group] of byCode) {
    out.push(`## ${code}`, "");
    for (const entry of group) {
      const details = entry(placeholders());
      out.push(`**${escapeText(details.title)}**`, "");
      if (entry.cause) out.push(escapeText(entry.cause), "");
      out.push(quote(String(details.message)), "");
      if (details.hint) {
        out.push(`What to do: ${linkDocs(escapeText(oneLine(String(details.hint))))}`, "");
      }
    }
  }
  return out.join("\n");
}

/**
 * Arguments whose every field reads as `{field}`. A field is also a one-item list of such
 * arguments, so a message that maps or joins a list (`conflicts.map(({ from }) => …)`) reads
 * `{from}` in its place, and one that counts says the plural.
 */
function placeholders(label = "{value}"): never {
  return new Proxy(
    {},
    {
      get: (_target, name) => {
        if (name === "toString" || name === "toJSON") return () => label;
        if (typeof name !== "string") return undefined;
        const text = `{${name}}`;
        return Object.assign([placeholders(text)], {
          toString: () => text,
          toJSON: () => text,
        });
      },
    },
  ) as never;
}

/**
 * A hint's link to another docs page (`docsPage("config")`, its file in the package) as a
 * relative link, which the docs build's link check then proves leads to a page.
 */
function linkDocs(text: string): string {
  const prefix = DOCS_DIR.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(
    new RegExp(`${prefix}/([a-z0-9-]+)\\.md`, "g"),
    (_match, page: string) => `[/${page}/](../${page}/)`,
  );
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function quote(text: string): string {
  return text
    .trim()
    .split("\n")
    .map((line) => `> ${escapeText(line)}`.trimEnd())
    .join("\n");
}
