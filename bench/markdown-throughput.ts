/**
 * Markdown throughput: Kiln's whole markdown pipeline (strict UTF-8 decode, front matter,
 * markdown-it with GFM, heading ids, link rewriting, highlighted code from a warm cache)
 * against bare markdown-it on the same bodies, in MB/s of markdown.
 *
 *   node --import tsx bench/markdown-throughput.ts [POSTS]
 *
 * The corpus comes from the shared generator (`shared/bench/gen-corpus.mjs`, found beside
 * the repository or named by KILN_GEN_CORPUS). Exits 1 if Kiln runs at less than half of
 * markdown-it's speed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import MarkdownIt from "markdown-it";
import { parseEntry } from "../src/content/index.js";
import { createMarkdownRenderer } from "../src/markdown/index.js";

const POSTS = Number(process.argv[2] ?? 400);
const ROUNDS = 5;

function findGenerator(): string {
  if (process.env.KILN_GEN_CORPUS) return process.env.KILN_GEN_CORPUS;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "shared/bench/gen-corpus.mjs");
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("gen-corpus.mjs not found; set KILN_GEN_CORPUS");
    dir = parent;
  }
}

/**
 * Best of ROUNDS for each contender, run in turns (A B C, A B C, …) after a warm-up turn, so
 * a burst of other work on a shared machine hits all of them rather than one.
 */
async function race(contenders: Record<string, () => unknown>): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const started = performance.now();
      await run();
      const seconds = (performance.now() - started) / 1000;
      if (round > 0) best[name] = Math.min(best[name] ?? Infinity, seconds);
    }
  }
  return best;
}

const work = mkdtempSync(path.join(tmpdir(), "kiln-md-bench-"));
try {
  execFileSync(process.execPath, [findGenerator(), work, String(POSTS)]);
  const dir = path.join(work, "posts");
  const files = readdirSync(dir)
    .sort()
    .map((name) => ({ file: path.join(dir, name), bytes: readFileSync(path.join(dir, name)) }));
  const bodies = files.map(({ file, bytes }) => parseEntry(bytes, file).body);
  const megabytes = bodies.reduce((n, body) => n + Buffer.byteLength(body), 0) / 1e6;

  const bare = new MarkdownIt({ html: true, linkify: true });

  const kiln = createMarkdownRenderer({
    html: true,
    highlight: { light: "github", dark: "github-dark" },
  });
  const documents = files.map(({ file, bytes }) => {
    const entry = parseEntry(bytes, file);
    return { source: entry.body, context: { source: { file, bodyLine: entry.bodyLine } } };
  });
  const coldStarted = performance.now();
  for (const { source, context } of documents) kiln.render(source, context);
  const coldHighlightSeconds = (performance.now() - coldStarted) / 1000;

  const times = await race({
    bare: () => {
      for (const body of bodies) bare.render(body);
    },
    render: () => {
      for (const { source, context } of documents) kiln.render(source, context);
    },
    // The whole pipeline: decode + front matter + render with highlighting.
    full: () => {
      const parsed = files.map(({ file, bytes }) => {
        const entry = parseEntry(bytes, file);
        return { source: entry.body, context: { source: { file, bodyLine: entry.bodyLine } } };
      });
      for (const { source, context } of parsed) kiln.render(source, context);
    },
  });
  const bareSeconds = times.bare!;
  const renderOnly = times.render!;
  const fullSeconds = times.full!;

  const rate = (seconds: number) => (megabytes / seconds).toFixed(2);
  const ratio = bareSeconds / fullSeconds;
  console.log(`corpus: ${POSTS} posts, ${megabytes.toFixed(2)} MB of markdown`);
  console.log(`markdown-it (html, linkify):       ${rate(bareSeconds)} MB/s`);
  console.log(`Kiln render only (GFM, ids, links): ${rate(renderOnly)} MB/s`);
  console.log(`Kiln full pipeline, warm:           ${rate(fullSeconds)} MB/s`);
  console.log(`Kiln first render (highlight.js):   ${coldHighlightSeconds.toFixed(2)} s once`);
  console.log(`Kiln runs at ${(ratio * 100).toFixed(0)}% of markdown-it's speed`);
  if (ratio < 0.5) {
    console.error("Kiln's plugins cost more than half of markdown-it's speed");
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
