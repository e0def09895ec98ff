import { median, type Run } from "./measure.js";
import type { Tool } from "./sites.js";

export interface Cell {
  tool: Tool;
  /** The tool, or a Kiln variant such as "kiln 0w" (`--workers 0`). */
  label: string;
  pages: number;
  runs: Run[];
}

export interface Summary {
  tool: Tool;
  label: string;
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
    label: cell.label,
    pages: cell.pages,
    minSeconds: Math.min(...seconds),
    medianSeconds,
    pagesPerSecond: cell.pages / medianSeconds,
    peakRssMiB: Math.max(...cell.runs.map((r) => r.peakRssMiB)),
  };
}

/** Each Kiln variant's median time over each peer's, at each size where both ran. */
export function ratios(summaries: readonly Summary[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const mine of summaries.filter((s) => s.tool === "kiln")) {
    for (const peer of summaries.filter((s) => s.tool !== "kiln" && s.pages === mine.pages)) {
      out[`${mine.label}/${peer.label}@${peer.pages}`] = mine.medianSeconds / peer.medianSeconds;
    }
  }
  for (const label of new Set(summaries.map((s) => s.label))) {
    const small = summaries.find((s) => s.label === label && s.pages === 1000);
    const large = summaries.find((s) => s.label === label && s.pages === 10000);
    if (small && large) out[`${label} 10k/1k`] = large.medianSeconds / small.medianSeconds;
  }
  return out;
}

export function formatTable(summaries: readonly Summary[], ratio: Record<string, number>): string {
  const lines = [
    "| pages | tool | min s | median s | pages/s | peak RSS MiB | Kiln ÷ tool (median) |",
    "| ---: | --- | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const s of summaries) {
    const mine = Object.entries(ratio)
      .filter(([key]) => key.endsWith(`/${s.label}@${s.pages}`))
      .map(([key, value]) => `${key.slice(0, key.indexOf("/"))}: ${value.toFixed(2)}`);
    lines.push(
      `| ${s.pages} | ${s.label} | ${s.minSeconds.toFixed(2)} | ${s.medianSeconds.toFixed(2)} | ` +
        `${Math.round(s.pagesPerSecond)} | ${Math.round(s.peakRssMiB)} | ${mine.join("; ")} |`,
    );
  }
  const growth = Object.entries(ratio).filter(([key]) => key.endsWith("10k/1k"));
  if (growth.length) {
    lines.push("", ...growth.map(([key, value]) => `- ${key}: ${value.toFixed(2)}×`));
  }
  return lines.join("\n") + "\n";
}
