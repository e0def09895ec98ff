/**
 * The shape of what a check knows about a page, shared by the checks that find problems and
 * by whatever computes them (today the main thread after the build; later the render
 * workers): one `PageFact` per problem element, and the `Owner` a user edits to fix it.
 */

/** Stable rule ids: they are documented (docs "Checks") and used in config; never rename. */
export const RULES = {
  "link-target": { check: "links", wcag: undefined, level: "error" },
  "link-fragment": { check: "links", wcag: undefined, level: "error" },
  "image-alt": { check: "a11y", wcag: "1.1.1", level: "error" },
  "link-name": { check: "a11y", wcag: "2.4.4, 4.1.2", level: "error" },
  "button-name": { check: "a11y", wcag: "4.1.2", level: "error" },
  "form-label": { check: "a11y", wcag: "1.3.1, 4.1.2", level: "error" },
  "html-lang": { check: "a11y", wcag: "3.1.1", level: "error" },
  "document-title": { check: "a11y", wcag: "2.4.2", level: "error" },
  "duplicate-id": { check: "a11y", wcag: "4.1.1", level: "error" },
  "heading-order": { check: "a11y", wcag: "1.3.1 (best practice)", level: "warn" },
} as const satisfies Record<
  string,
  { check: "links" | "a11y"; wcag: string | undefined; level: "error" | "warn" }
>;

export type RuleId = keyof typeof RULES;
export type CheckName = (typeof RULES)[RuleId]["check"];

/** One problem element of one rendered page, before anyone knows who owns it. */
export interface PageFact {
  rule: RuleId;
  /** What is wrong, naming the element (`the link "/about/" leads to no file of the site`). */
  message: string;
  /** The element as it appears in the HTML, shortened (`<img src="/a.png">`). */
  element: string;
  /**
   * Text to find the element by in the file that wrote it: an href, a src, a heading's text.
   * Undefined for page-wide facts (no `<title>`), which belong to the page's layout.
   */
  needle: string | undefined;
}

/** Where a fact is fixed: a file and line of the repository, or an entry of a remote source. */
export type Owner =
  | {
      kind: "file";
      /** Relative to the project, `/` separators. */
      file: string;
      /** 1-based; undefined when the element could not be found in the file. */
      line: number | undefined;
      /** A content entry (markdown or data file) rather than a page, layout or component. */
      content: boolean;
    }
  | {
      kind: "remote";
      collection: string;
      id: string;
      /** The API URL the entry came from. */
      url: string;
      /** Where an editor changes it, when the CMS has one (WordPress). */
      editUrl: string | undefined;
    };

/** A fact placed at its owner, on the page it was seen on. */
export interface LocatedFact extends PageFact {
  page: string;
  owner: Owner;
}

export function describeOwner(owner: Owner): string {
  if (owner.kind === "remote")
    return `${owner.collection} entry "${owner.id}"${owner.editUrl ? ` (edit: ${owner.editUrl})` : ` (${owner.url})`}`;
  return owner.line === undefined ? owner.file : `${owner.file}:${owner.line}`;
}
