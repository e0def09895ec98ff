/**
 * `npm run docs:gen`: writes the generated pages of Kiln's docs site (docs/) — the config
 * reference from the zod schema, the error reference from the error catalog. test/docs fails
 * when the files in the repository differ from what this would write.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { configReference } from "./config-reference.js";
import { errorReference } from "./error-reference.js";
import { REPO_ROOT } from "./markdown-text.js";

/** Repository path → content, for every generated page. */
export function generatedPages(): Map<string, string> {
  return new Map([
    ["docs/src/content/docs/config.md", configReference()],
    ["docs/src/content/docs/errors.md", errorReference()],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, text] of generatedPages()) {
    writeFileSync(path.join(REPO_ROOT, file), text);
    process.stdout.write(`wrote ${file}\n`);
  }
}
