import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { parseEntry } from "../../src/content/index.js";
import { KilnError } from "../../src/errors/index.js";
import { createMarkdownRenderer } from "../../src/markdown/index.js";
import { copyProject } from "../helpers/build-fixture.js";
import { createRandom, fuzzBody, fuzzDocument, fuzzParam } from "./fuzz-inputs.js";

/** Fixed, so a failure is reproduced by running the test again. */
const SEED = 20261128;

describe("fuzzed content never crashes Kiln", () => {
  it("parses and renders 1,500 hostile documents: HTML or a coded error, nothing else", () => {
    const random = createRandom(SEED);
    const renderer = createMarkdownRenderer({ html: true, headingAnchors: true });
    const codes = new Map<string, number>();
    for (let i = 0; i < 1500; i++) {
      const file = `/fuzz/src/content/posts/case-${i}.md`;
      const bytes = fuzzDocument(random);
      try {
        const { body, bodyLine } = parseEntry(bytes, file);
        renderer.render(body, { source: { file, bodyLine } });
        codes.set("ok", (codes.get("ok") ?? 0) + 1);
      } catch (error) {
        if (!KilnError.is(error))
          assert.fail(
            `case ${i} threw ${String(error)}:\n${bytes.toString("latin1").slice(0, 400)}`,
          );
        assert.ok(error.location?.file === file, `case ${i}: ${error.code} has no location`);
        codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
      }
    }
    // The corpus must exercise both sides, or it tests nothing.
    assert.ok((codes.get("ok") ?? 0) > 100, JSON.stringify([...codes]));
    assert.ok(codes.size > 5, JSON.stringify([...codes]));
  });

  it(
    "builds projects of hostile entries and route params: exit 0, or exit 1 with a coded error",
    { timeout: 120_000 },
    async (test) => {
      const random = createRandom(SEED + 1);
      const project = await copyProject("basic-site");
      try {
        await writeFile(
          path.join(project.root, "kiln.config.ts"),
          'import { defineConfig } from "kiln-ssg";\nexport default defineConfig({ site: { title: "Fuzz", lang: "en" } });\n',
        );
        await mkdir(path.join(project.root, "src/content/params"), { recursive: true });
        await mkdir(path.join(project.root, "src/pages/p"), { recursive: true });
        await writeFile(
          path.join(project.root, "src/pages/p/[param].tsx"),
          `import { getCollection } from "kiln-ssg";
export function paths() {
  return getCollection("params").flatMap((e) =>
    (e.data["values"] as string[]).map((param) => ({ params: { param } })),
  );
}
export default ({ params }: { params: { param: string } }) => <p>{params.param}</p>;
`,
        );
        const outcomes: string[] = [];
        for (let round = 0; round < 10; round++) {
          const posts = path.join(project.root, "src/content/posts");
          await rm(posts, { recursive: true, force: true });
          await mkdir(posts, { recursive: true });
          const count = 1 + random.int(6);
          // Mostly well-formed entries with hostile bodies, so builds get as far as routes and
          // rendering; now and then a wholly hostile file.
          for (let i = 0; i < count; i++) {
            const document =
              random.next() < 0.15 ? fuzzDocument(random) : fuzzBody(random, round % 2 === 0);
            await writeFile(path.join(posts, `post-${i}.md`), document);
          }
          const values = [
            ...new Set(Array.from({ length: 1 + random.int(3) }, () => fuzzParam(random))),
          ];
          await writeFile(
            path.join(project.root, "src/content/params/list.json"),
            JSON.stringify({ values }),
          );
          const result = await project.build();
          assert.doesNotMatch(
            result.stderr,
            /internal error|^\s+at .*\.js:\d+/m,
            `round ${round}:\n${result.stderr}`,
          );
          if (result.code === 0) outcomes.push("ok");
          else {
            assert.equal(result.code, 1, result.stderr);
            const code = /^error (KILN_[A-Z0-9_]+):/m.exec(result.stderr)?.[1];
            assert.ok(code, `round ${round} failed without a code:\n${result.stderr}`);
            outcomes.push(code);
          }
        }
        // Some rounds must build and some must fail, or the fuzzing tested nothing.
        assert.ok(outcomes.includes("ok"), outcomes.join(", "));
        assert.ok(
          outcomes.some((o) => o !== "ok"),
          outcomes.join(", "),
        );
        test.diagnostic(outcomes.join(", "));
      } finally {
        await project.cleanup();
      }
    },
  );
});
