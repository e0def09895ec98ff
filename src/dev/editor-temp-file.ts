import path from "node:path";

/**
 * Whether a file is one an editor or a tool writes beside the real one while saving, and
 * which no page reads: reacting to it rebuilt the site for nothing and logged
 * `updated src/content/posts/sed9gHBgX` (issue 23). The real file's own change follows.
 */
export function isEditorTempFile(file: string): boolean {
  const name = path.basename(file);
  return (
    // vim's swap files (.x.md.swp, then .swo, .swn …) and its backups (x.md~, also emacs').
    /\.sw[a-p]$/.test(name) ||
    name.endsWith(".swpx") ||
    name.endsWith("~") ||
    // emacs: lock links (.#x.md) and auto-saves (#x.md#).
    name.startsWith(".#") ||
    /^#.*#$/.test(name) ||
    isVimWriteTest(name) ||
    // `sed -i` writes sedXXXXXX (six random characters) and renames it over the file.
    /^sed[A-Za-z0-9]{6}$/.test(name) ||
    // Atomic saves of many tools (x.md.tmp, x.md.1234.tmp), JetBrains', Kate's, Chrome's.
    /\.(tmp|temp|crswap|kate-swp)$/i.test(name) ||
    /___jb_(tmp|old)___$/.test(name)
  );
}

/** vim checks a folder is writable with a file named 4913, then 5036, 5159 … (+123 each). */
function isVimWriteTest(name: string): boolean {
  if (!/^\d+$/.test(name)) return false;
  const n = Number(name);
  return n >= 4913 && (n - 4913) % 123 === 0;
}
