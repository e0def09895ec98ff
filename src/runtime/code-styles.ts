import { codeStylesheet, type HighlightThemes } from "../markdown/index.js";
import { sha256 } from "../support/index.js";

/** The stylesheet of highlighted code, as the output file pages with code link to. */
export interface CodeStyles {
  /** Output path: `_kiln/code-<hash>.css`. */
  file: string;
  css: string;
}

/** Colours from one cacheable file, none inline: a strict CSP needs no `'unsafe-inline'`. */
export function codeStyles(themes: HighlightThemes | false): CodeStyles | undefined {
  if (!themes) return undefined;
  const css = codeStylesheet(themes);
  return { file: `_kiln/code-${sha256(css).slice(0, 10)}.css`, css };
}

export function codeStylesLink(styles: CodeStyles): string {
  return `<link rel="stylesheet" href="/${styles.file}">`;
}
