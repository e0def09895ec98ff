import type { MarkdownIt } from "markdown-it";
import footnote from "markdown-it-footnote";
import taskLists from "markdown-it-task-lists";

/**
 * GitHub Flavored Markdown on top of CommonMark: tables and strikethrough are markdown-it's
 * own rules, bare URLs and `www.` links come from linkify-it, task lists and footnotes from
 * their plugins. Task-list checkboxes are disabled: a static page cannot save a tick.
 */
export const gfm = (md: MarkdownIt): void => {
  md.enable(["table", "strikethrough", "linkify"]);
  md.set({ linkify: true });
  // `fuzzyEmail` would turn any `a@b.c` in prose into a mailto: link; GitHub does too, keep it.
  md.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false });
  md.use(taskLists, { enabled: false });
  md.use(footnote);
};

/** CommonMark alone: what the spec's examples are written against. */
export const commonmarkOnly = (md: MarkdownIt): void => {
  md.disable(["table", "strikethrough", "linkify"]);
  md.set({ linkify: false });
};
