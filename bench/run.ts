/**
 * `npm run bench`: cold builds of the same generated corpus by Kiln, Hugo and Eleventy,
 * interleaved, with min/median seconds, pages/s, peak RSS and Kiln's ratios. Not a test.
 *
 *   npm run bench -- --sizes 1k,4k,10k --reps 3 --tools kiln,kiln:0,hugo,eleventy
 *     --mode defaults|like --shape collection|pages
 *
 * `--mode defaults` (the default) builds each tool as installed: Kiln and Hugo highlight code;
 * `--mode like` turns highlighting off everywhere. `--shape` is how Kiln's site is written.
 * `kiln:N` is Kiln with `--workers N` (`kiln` alone uses its default).
 * Sizes above 10k run Kiln alone unless --peers-above-10k is given.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { countPages, measure } from "./measure.js";
import { ensurePeers } from "./peers.js";
import { formatTable, ratios, summarize, type Cell } from "./report.js";
import {
  buildCommand,
  cleanSite,
  outputDir,
  prepareSite,
  type Mode,
  type Shape,
  type Tool,
} from "./sites.js";

const repo = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1k,4k,10k" },
    reps: { type: "string", default: "3" },
    tools: { type: "string", default: "kiln,hugo,eleventy" },
    scratch: { type: "string", default: path.join(os.tmpdir(), "kiln-bench") },
    "peers-above-10k": { type: "boolean", default: false },
    mode: { type: "string", default: "defaults" },
    shape: { type: "string", default: "collection" },
  },
});
if (!["defaults", "like"].includes(values.mode)) throw new Error("--mode: defaults or like");
if (!["collection", "pages"].includes(values.shape))
  throw new Error("--shape: collection or pages");
const mode = values.mode as Mode;
const shape = values.shape as Shape;

const sizes = values.sizes.split(",").map(parseSize);
const reps = Number(values.reps);
const variants = values.tools.split(",").map(parseTool);
const tools = [...new Set(variants.map((v) => v.tool))];
const scratch = path.resolve(values.scratch);

execFileSync("npm", ["run", "--silent", "build"], { cwd: repo, stdio: "inherit" });
const peers = ensurePeers(scratch, {
  hugo: tools.includes("hugo"),
  eleventy: tools.includes("eleventy"),
});
const available = variants.filter(
  ({ tool }) => tool === "kiln" || (tool === "hugo" ? peers.hugo : peers.eleventy),
);
for (const { label } of variants.filter((v) => !available.includes(v)))
  console.error(`skipping ${label}: not installed`);

const loadBefore = os.loadavg();
const cells: Cell[] = [];
for (const size of sizes) {
  const corpus = path.join(scratch, `corpus-${size}`);
  if (!existsSync(path.join(corpus, "posts"))) {
    execFileSync(
      process.execPath,
      [path.join(repo, "bench/vendor/gen-corpus.mjs"), corpus, String(size)],
      {
        stdio: "inherit",
      },
    );
  }
  const here = available.filter(
    ({ tool }) => tool === "kiln" || size <= 10000 || values["peers-above-10k"],
  );
  const sizeCells = here.map(({ tool, label, args }) => ({
    cell: { tool, label, pages: 0, runs: [] as Cell["runs"] },
    args,
  }));
  for (let rep = 0; rep < reps; rep++) {
    // Rotate the order each repetition, so no tool always runs first on a cold page cache.
    for (let k = 0; k < here.length; k++) {
      const { cell, args } = sizeCells[(k + rep) % here.length]!;
      const variant = cell.tool === "kiln" ? `${mode}-${shape}` : cell.tool === "hugo" ? mode : "";
      const site = path.join(scratch, `site-${cell.tool}-${size}${variant && `-${variant}`}`);
      prepareSite(cell.tool, corpus, site, { mode, shape });
      cleanSite(cell.tool, site);
      const command = buildCommand(cell.tool, site, {
        kilnBin: path.join(repo, "bin/kiln.js"),
        eleventyCli: peers.eleventyCli,
        kilnArgs: args,
      });
      const run = measure(command, site);
      cell.runs.push(run);
      cell.pages = countPages(outputDir(cell.tool, site));
      console.error(
        `${size} ${cell.label} rep ${rep + 1}: ${run.seconds.toFixed(2)} s, ${Math.round(run.peakRssMiB)} MiB, ${cell.pages} pages`,
      );
    }
  }
  cells.push(...sizeCells.map((c) => c.cell));
}

const summaries = cells.map(summarize);
const ratio = ratios(summaries);
const machine = {
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  hugo: peers.hugo,
  eleventy: peers.eleventy,
  loadAverageBefore: loadBefore,
  loadAverageAfter: os.loadavg(),
};
const results = {
  date: new Date().toISOString(),
  mode,
  shape,
  machine,
  reps,
  summaries,
  ratio,
  cells,
};
mkdirSync(path.join(repo, "bench/results"), { recursive: true });
let file = path.join(repo, "bench/results", `${results.date.slice(0, 10)}.json`);
for (let n = 2; existsSync(file); n++)
  file = path.join(repo, "bench/results", `${results.date.slice(0, 10)}-${n}.json`);
writeFileSync(file, JSON.stringify(results, null, 2) + "\n");

console.log(
  `mode ${mode}, Kiln shape ${shape}; ` +
    `${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}; ${machine.hugo ?? "no hugo"}; ` +
    `Eleventy ${machine.eleventy ?? "missing"}; load ${loadBefore.map((l) => l.toFixed(1)).join(" ")}\n`,
);
console.log(formatTable(summaries, ratio));
console.log(`Results: ${path.relative(process.cwd(), file)}`);

function parseTool(text: string): { tool: Tool; label: string; args: string[] } {
  const [tool, workers] = text.trim().split(":") as [Tool, string | undefined];
  if (!["kiln", "hugo", "eleventy"].includes(tool) || (workers !== undefined && tool !== "kiln"))
    throw new Error(`--tools: "${text}" is not kiln, kiln:N, hugo or eleventy`);
  return workers === undefined
    ? { tool, label: tool, args: [] }
    : { tool, label: `kiln ${workers}w`, args: ["--workers", workers] };
}

function parseSize(text: string): number {
  const match = /^(\d+)(k?)$/i.exec(text.trim());
  if (!match) throw new Error(`--sizes: "${text}" is not a count such as 1k or 500`);
  return Number(match[1]) * (match[2] ? 1000 : 1);
}
