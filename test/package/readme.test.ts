import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, it } from "node:test";
import { REPO, listFiles, runKiln } from "../helpers/build-fixture.js";

/** The fenced code blocks of a markdown text, with their language. */
function codeBlocks(markdown: string): { lang: string; code: string }[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] ?? "",
    code: m[2] ?? "",
  }));
}

function blockWith(blocks: { code: string }[], ...marks: string[]): string {
  const found = blocks.filter((b) => marks.every((mark) => b.code.includes(mark)));
  assert.equal(
    found.length,
    1,
    `one block of README.md and the docs pages with ${marks.join(" + ")}`,
  );
  return found[0]!.code;
}

/** README.md and every page of the docs site (docs/), where the long sections went. */
async function documentation(): Promise<string> {
  const pages = path.join(REPO, "docs/src/content/docs");
  const names = (await readdir(pages)).filter((name) => name.endsWith(".md")).sort();
  const texts = [await readFile(path.join(REPO, "README.md"), "utf8")];
  for (const name of names) texts.push(await readFile(path.join(pages, name), "utf8"));
  return texts.join("\n");
}

describe("README.md and the docs pages", () => {
  // A newcomer copies the docs' page, config and types snippets into a project: together
  // they must type-check and build (the page snippet once lacked its Entry import).
  it("the dynamic page, collection config and env.d.ts snippets type-check and build together", async () => {
    const blocks = codeBlocks(await documentation());
    const root = await mkdtemp(path.join(tmpdir(), "kiln-readme-"));
    try {
      await mkdir(path.join(root, "src/pages/posts"), { recursive: true });
      await mkdir(path.join(root, "src/content/posts"), { recursive: true });
      await mkdir(path.join(root, "node_modules"));
      await writeFile(
        path.join(root, "kiln.config.ts"),
        blockWith(blocks, "// kiln.config.ts", "isoDate()", "collections:"),
      );
      await writeFile(path.join(root, "src/env.d.ts"), blockWith(blocks, "// src/env.d.ts"));
      await writeFile(
        path.join(root, "src/pages/posts/[slug].tsx"),
        blockWith(blocks, "export function paths()", "renderEntry"),
      );
      for (const [id, draft] of [
        ["hello", false],
        ["secret", true],
      ] as const) {
        await writeFile(
          path.join(root, `src/content/posts/${id}.md`),
          `---\ntitle: ${id}\ndate: 2024-05-01\ndraft: ${draft}\n---\nText of ${id}.\n`,
        );
      }
      await cp(path.join(REPO, "examples/minimal/tsconfig.json"), path.join(root, "tsconfig.json"));
      // As an install would: the package and the Preact it brings.
      await symlink(REPO, path.join(root, "node_modules/kiln-ssg"), "dir");
      await symlink(
        path.join(REPO, "node_modules/preact"),
        path.join(root, "node_modules/preact"),
        "dir",
      );

      const tsc = path.join(REPO, "node_modules/typescript/bin/tsc");
      await promisify(execFile)(process.execPath, [tsc, "-p", root]).catch(
        (error: { stdout: string }) => assert.fail(`tsc failed:\n${error.stdout}`),
      );
      const built = await runKiln(["build", root]);
      assert.equal(built.code, 0, built.stderr);
      const files = await listFiles(path.join(root, "dist"));
      assert.ok(files.includes("posts/hello/index.html"), files.join(", "));
      assert.ok(!files.includes("posts/secret/index.html"), "the draft got a page");
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
