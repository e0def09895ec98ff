import assert from "node:assert/strict";
import { readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";
import { coldSnapshot, prepareForReuse, unchangedCount } from "./incremental-helpers.js";

/** Deterministic PRNG (mulberry32): the same seed replays the same edits. */
function createRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.KILN_RANDOM_SEED ?? 20261124);
const STEPS = 14;
const TAGS = ["kiln", "jamstack", "apis", "markdown", "performance"];

type Edit = (root: string, pick: <T>(items: readonly T[]) => T, step: number) => Promise<string>;

async function posts(root: string): Promise<string[]> {
  const folder = path.join(root, "src/content/posts");
  return (await readdir(folder)).filter((f) => f.endsWith(".md")).map((f) => path.join(folder, f));
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, "utf8")));
}

/** Each edit returns a description, printed when a comparison fails. */
const EDITS: Edit[] = [
  async (root, pick, step) => {
    const file = pick(await posts(root));
    await edit(file, (t) => `${t}\nParagraph added at step ${step}.\n`);
    return `change the body of ${path.basename(file)}`;
  },
  async (root, pick, step) => {
    const file = pick(await posts(root));
    await edit(file, (t) => t.replace(/^title: .*$/m, `title: Retitled at step ${step}`));
    return `retitle ${path.basename(file)}`;
  },
  async (root, pick) => {
    const file = pick(await posts(root));
    await edit(file, (t) => t.replace(/^tags: .*$/m, `tags: [${pick(TAGS)}, ${pick(TAGS)}x]`));
    return `retag ${path.basename(file)}`;
  },
  async (root, pick, step) => {
    const tag = pick(TAGS);
    const file = path.join(root, `src/content/posts/added-${step}.md`);
    await writeFile(
      file,
      `---\ntitle: Added at step ${step}\ndate: 2026-11-${String((step % 27) + 1).padStart(2, "0")}\n` +
        `description: A post added by the random test.\ntags: [${tag}]\n---\n\nBody of step ${step}.\n`,
    );
    return `add ${path.basename(file)}`;
  },
  async (root, pick) => {
    const all = await posts(root);
    if (all.length <= 2) return "delete nothing (too few posts)";
    const file = pick(all);
    await rm(file);
    return `delete ${path.basename(file)}`;
  },
  async (root, pick, step) => {
    const file = pick(await posts(root));
    const renamed = path.join(path.dirname(file), `renamed-${step}.md`);
    await rename(file, renamed);
    return `rename ${path.basename(file)} → ${path.basename(renamed)}`;
  },
  async (root, pick, step) => {
    const layout = pick(["Base.tsx", "Doc.tsx"]);
    await edit(path.join(root, "src/layouts", layout), (t) =>
      t.replace(/<\/article>|<\/main>/, (tag) => `<p class="step">layout step ${step}</p>${tag}`),
    );
    return `edit layout ${layout}`;
  },
  async (root, _pick, step) => {
    await edit(path.join(root, "src/components/TagList.tsx"), (t) =>
      t.replace(/#\{tag\}|#\d+:\{tag\}/, `#${step}:{tag}`),
    );
    return "edit component TagList";
  },
  async (root, pick) => {
    const lang = pick(["en", "en-GB", "en-US", "de"]);
    await edit(path.join(root, "kiln.config.ts"), (t) =>
      t.replace(/lang: "[^"]*"/, `lang: "${lang}"`),
    );
    return `edit config: lang ${lang}`;
  },
  async (root, _pick, step) => {
    await edit(path.join(root, "src/pages/about.md"), (t) => `${t}\nAbout, step ${step}.\n`);
    return "edit the markdown page about.md";
  },
  async (root, _pick, step) => {
    await edit(path.join(root, "public/robots.txt"), (t) => `${t}# step ${step}\n`);
    return "edit public/robots.txt";
  },
  () => Promise.resolve("no change"),
];

describe(`warm builds equal cold builds after random edits (seed ${SEED})`, () => {
  let project: Project;
  let reusedSomewhere = 0;
  before(async () => {
    project = await copyProject(path.join(REPO, "examples/blog"));
    await prepareForReuse(project.root);
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  const random = createRandom(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const history: string[] = [];

  for (let step = 1; step <= STEPS; step++) {
    it(`step ${step}`, async () => {
      const count = 1 + Math.floor(random() * 2);
      for (let i = 0; i < count; i++) history.push(await pick(EDITS)(project.root, pick, step));
      const warm = await project.build();
      assert.equal(warm.code, 0, warm.stderr);
      reusedSomewhere += unchangedCount(warm.stdout);
      const cold = await coldSnapshot(project.root);
      const warmFiles = await project.snapshot();
      const differing = [...new Set([...warmFiles.keys(), ...cold.keys()])].filter(
        (file) => !warmFiles.get(file)?.equals(cold.get(file) ?? Buffer.alloc(0)),
      );
      assert.deepEqual(
        differing,
        [],
        `warm and cold builds differ in ${differing.join(", ")} after: ${history.join("; ")}`,
      );
    });
  }

  it("reused pages along the way (the test exercised the incremental path)", () => {
    assert.ok(reusedSomewhere > 0);
  });
});
