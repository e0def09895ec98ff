import { readFile, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { detachStrings } from "./detach-strings.js";
import { withLazyBody } from "./lazy-body.js";
import { ENTRY_EXTENSIONS, parseEntry } from "./parse-entry.js";
import type { Source } from "./source.js";
import { KilnError } from "../errors/index.js";
import { walkFiles } from "../support/index.js";

/**
 * Every folder under `src/content/` is a collection; every `.md`, `.json`, `.yaml` file in it
 * (at any depth) an entry. Files and folders starting with `_` or `.` are skipped. A file that
 * does not parse fails the load, or with `onInvalid` (`kiln check`) goes there and is left out.
 */
export function fileSource(contentDir: string, onInvalid?: (error: KilnError) => void): Source {
  return {
    name: "kiln:files",
    async load({ store, digest }) {
      let collections: string[];
      try {
        collections = (await readdir(contentDir, { withFileTypes: true }))
          .filter((d) => d.isDirectory() && !isHidden(d.name))
          .map((d) => d.name)
          .sort();
      } catch {
        return;
      }
      for (const collection of collections) {
        const folder = path.join(contentDir, collection);
        store.addCollection(collection);
        const files = await walkFiles(await realpath(folder), isHidden);
        for (const file of files.filter((f) => ENTRY_EXTENSIONS.has(path.extname(f)))) {
          const bytes = await readFile(file);
          let parsed: ReturnType<typeof parseEntry>;
          try {
            parsed = parseEntry(bytes, file);
          } catch (error) {
            if (!onInvalid || !KilnError.is(error)) throw error;
            onInvalid(error.within({ file }));
            continue;
          }
          const entry = {
            id: entryId(folder, file),
            collection,
            data: detachStrings(parsed.data),
            digest: digest(bytes),
            origin: { file, bodyLine: parsed.bodyLine },
          };
          // Markdown bodies are read again when a page renders them, not kept in memory.
          store.set(parsed.body === "" ? { ...entry, body: "" } : withLazyBody(entry, file));
        }
      }
    },
  };
}

function isHidden(name: string): boolean {
  return name.startsWith("_") || name.startsWith(".");
}

/** `posts/2024/hello.md` → `2024/hello`; `posts/hello/index.md` → `hello`. */
function entryId(folder: string, file: string): string {
  const relative = path.relative(folder, file).split(path.sep).join("/");
  const withoutExtension = relative.slice(0, -path.extname(relative).length);
  return withoutExtension.replace(/(^|\/)index$/, "") || "index";
}
