import { median, type Run } from "./measure.js";
import type { Tool } from "./sites.js";

export interface Cell {
  tool: Tool;
  pages: number;
  runs: Run[];
}

export interface Summary {
  tool: Tool;
  pages: number;
  minSeconds: number;
  medianSeconds: number;
  pagesPerSecond: number;
  peakRssMiB: number;
}

export function summarize(cell: Cell): Summary {
  const seconds = cell.runs.map((r) => r.seconds);
  const medianSeconds = median(seconds);
  return {
    tool: cell.tool,
    pages: cell.pages,
    minSeconds: Math.min(...seconds),
    medianSeconds,
    pagesPerSecond: cell.pages / medianSeconds,
    peakRssMiB: Math.max(...cell.runs.map((r) => r.peakRssMiB)),
  };
}

/** Kiln's median time over each peer's, at each size where both ran. */
export function ratios(summaries: readonly Summary[]): Record<string, number> {
  const out: Record<string, number> = {};
  const kiln = summaries.filter((s) => s.tool === "kiln");
  for (const peer of summaries.filter((s) => s.tool !== "kiln")) {
    const mine = kiln.find((k) => k.pages === peer.pages);
    if (mine) out[`kiln/${peer.tool}@${peer.pages}`] = mine.medianSeconds / peer.medianSeconds;
  }
  for (const tool of new Set(summaries.map((s) => s.tool))) {
    const small = summaries.find((s) => s.tool === tool && s.pages === 1000);
    const large = summaries.find((s) => s.tool === tool && s.pages === 10000);
    if (small && large) out[`${tool} 10k/1k`] = large.medianSeconds / small.medianSeconds;
  }
  return out;
}

export function formatTable(summaries: readonly Summary[], ratio: Record<string, number>): string {
  const lines = [
    "| pages | tool | min s | median s | pages/s | peak RSS MiB | Kiln ÷ tool (median) |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const s of summaries) {
    const r = ratio[`kiln/${s.tool}@${s.pages}`];
    lines.push(
      `| ${s.pages} | ${s.tool} | ${s.minSeconds.toFixed(2)} | ${s.medianSeconds.toFixed(2)} | ` +
        `${Math.round(s.pagesPerSecond)} | ${Math.round(s.peakRssMiB)} | ${r === undefined ? "" : r.toFixed(2)} |`,
    );
  }
  const growth = Object.entries(ratio).filter(([key]) => key.endsWith("10k/1k"));
  if (growth.length) {
    lines.push("", ...growth.map(([key, value]) => `- ${key}: ${value.toFixed(2)}×`));
  }
  return lines.join("\n") + "\n";
}
