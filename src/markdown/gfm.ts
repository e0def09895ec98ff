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
  // linkify-it's defaults are GitHub's (`www.` and bare domains with a known TLD, e-mail
  // addresses, no bare IPs). Do not call `md.linkify.set()`, even with these same values: in
  // linkify-it 6 it drops its compiled patterns and made rendering four times slower here.
  md.use(taskLists, { enabled: false });
  md.use(footnote);
};

/** CommonMark alone: what the spec's examples are written against. */
export const commonmarkOnly = (md: MarkdownIt): void => {
  md.disable(["table", "strikethrough", "linkify"]);
  md.set({ linkify: false });
};
