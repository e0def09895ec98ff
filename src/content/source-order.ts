import { readFileSync } from "node:fs";
import { KilnError, catalog, type SourceLocation } from "../errors/index.js";
import type { Source } from "./source.js";

/**
 * The sources in the order they run: the config's order, except that a source reading a
 * collection (`reads`) runs after every source that says it fills it (`collections`). A cycle
 * of reads is an error located at the config's `reads`.
 */
export function orderSources(sources: readonly Source[], configFile?: string): Source[] {
  const writers = (collection: string) =>
    sources.filter((source) => source.collections?.includes(collection));
  const dependencies = new Map(
    sources.map((source) => [
      source,
      (source.reads ?? []).flatMap(writers).filter((writer) => writer !== source),
    ]),
  );
  const ordered: Source[] = [];
  const done = new Set<Source>();
  while (ordered.length < sources.length) {
    // The first source in the config's order whose dependencies have run: stable, deterministic.
    const next = sources.find(
      (source) => !done.has(source) && dependencies.get(source)!.every((d) => done.has(d)),
    );
    if (!next) {
      const cycle = findCycle(
        sources.filter((source) => !done.has(source)),
        dependencies,
      );
      throw new KilnError(
        catalog.SourceReadsCycle({ cycle: cycle.map((source) => source.name).join(" → ") }),
        configFile ? locateReads(configFile, cycle[0]!.name) : undefined,
      );
    }
    ordered.push(next);
    done.add(next);
  }
  return ordered;
}

/** A path of sources that comes back to its first, among sources none of which can run. */
function findCycle(stuck: readonly Source[], dependencies: Map<Source, Source[]>): Source[] {
  const path: Source[] = [stuck[0]!];
  for (;;) {
    const next = dependencies.get(path.at(-1)!)!.find((d) => stuck.includes(d))!;
    const seen = path.indexOf(next);
    if (seen !== -1) return [...path.slice(seen), next];
    path.push(next);
  }
}

/** The line of the config's `reads:` that follows the source's name, else its first `reads:`. */
function locateReads(file: string, name: string): SourceLocation {
  let lines: string[];
  try {
    lines = readFileSync(file, "utf8").split("\n");
  } catch {
    return { file };
  }
  const named = lines.findIndex((line) => line.includes(`"${name}"`) || line.includes(`'${name}'`));
  const isReads = (line: string) => /\breads\s*:/.test(line);
  const after = lines.findIndex((line, index) => index >= Math.max(named, 0) && isReads(line));
  const index = after !== -1 ? after : lines.findIndex(isReads);
  if (index === -1) return { file };
  return { file, line: index + 1, column: lines[index]!.search(/\breads\b/) + 1 };
}
