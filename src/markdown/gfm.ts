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
  // GitHub links `www.example.com` but not a bare `example.com`. linkify-it's `fuzzyLink`
  // does both, and scanning every word for a domain made rendering four times slower on the
  // benchmark corpus; a `www.` schema finds exactly GitHub's links at the cost of a prefix
  // search. E-mail addresses are linked (linkify-it's default, and GitHub's).
  md.linkify.add("www.", {
    validate: (text, pos, self) => {
      const re = self.re.get_relative_proto_validator();
      re.lastIndex = pos;
      return re.exec(text)?.[0].length ?? 0;
    },
    normalize: (match) => {
      match.url = `http://${match.url}`;
    },
  });
  // Each checkbox inside a <label> with its item's text: a form control needs a name.
  md.use(taskLists, { enabled: false, label: true });
  md.use(footnote);
};

/** CommonMark alone: what the spec's examples are written against. */
export const commonmarkOnly = (md: MarkdownIt): void => {
  md.disable(["table", "strikethrough", "linkify"]);
  md.set({ linkify: false });
};
