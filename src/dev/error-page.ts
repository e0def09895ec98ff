import { KilnError, codeFrame, errorDocsUrl, formatLocation } from "../errors/index.js";
import { escapeText } from "../render/index.js";
import { isInside } from "../support/index.js";

/**
 * The page the browser shows while the project is broken: the same code, message,
 * location, code frame and hint the terminal prints. Only the frame of the file the error
 * names is read, and only when that file is inside the project (never a path from a request).
 */
export function renderErrorPage(error: unknown, root: string): string {
  const known = KilnError.is(error);
  const code = known ? error.code : "KILN_INTERNAL";
  const message = known
    ? error.message
    : "Kiln failed unexpectedly. This is a bug; the terminal shows the details.";
  const location = known && error.location ? error.location : undefined;
  const where = location ? formatLocation(location, root) : undefined;
  const frame =
    location && location.file !== root && isInside(root, location.file)
      ? codeFrame(location)
      : undefined;
  const hint = known ? error.hint : undefined;
  const parts = [
    `<p class="code">${escapeText(code)}</p>`,
    `<h1>${escapeText(message)}</h1>`,
    where ? `<p class="where">${escapeText(where)}</p>` : "",
    frame ? `<pre class="frame">${escapeText(frame)}</pre>` : "",
    hint ? `<p class="hint">hint: ${escapeText(hint)}</p>` : "",
    known
      ? // The reference is a file of the installed package, which a page served over http
        // cannot link to (browsers refuse file: links there): it is named for the editor.
        `<p>${escapeText(code)} in the error reference: <code>${escapeText(errorDocsUrl(code))}</code></p>`
      : "",
    "<p>Fix the file and save: this page reloads by itself.</p>",
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(code)} · Kiln</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #1d1f21; color: #e6e6e6; }
main { max-width: 60rem; margin: 3rem auto; padding: 0 1.5rem; }
.code { color: #ff8a80; font-family: ui-monospace, monospace; margin: 0; }
h1 { font-size: 1.4rem; margin: 0.5rem 0 1rem; }
.where { font-family: ui-monospace, monospace; color: #9ecbff; }
.frame { background: #111; padding: 1rem; overflow-x: auto; border-radius: 4px; }
.hint { color: #c5e1a5; }
a { color: #9ecbff; }
</style>
</head>
<body>
<main id="kiln-error">
${parts.filter(Boolean).join("\n")}
</main>
</body>
</html>
`;
}
