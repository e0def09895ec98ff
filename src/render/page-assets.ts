import { createContext } from "preact";

/**
 * When an island's code runs in the browser: at once (`"load"`), when the main thread is
 * idle, when the island scrolls into view, or when a media query matches.
 */
export type HydrateStrategy = "load" | "idle" | "visible" | { media: string };

/** Where a browser module and the chunks it imports were written, as URLs. */
export interface ClientModule {
  url: string;
  /** Chunks the module imports statically, for `<link rel="modulepreload">`. */
  imports: string[];
}

/** The build's browser bundles: the islands runtime, each island, each client script. */
export interface IslandManifest {
  /** Absent when the project has no islands. */
  runtime: ClientModule | undefined;
  islands: ReadonlyMap<string, ClientModule>;
  /** By script id (the source path from the project root). */
  scripts: ReadonlyMap<string, ClientModule>;
  /** By image id (the source path from the project root). */
  images: ReadonlyMap<string, ProcessedImage>;
}

/** One source image, encoded at several widths and formats. */
export interface ProcessedImage {
  /** Intrinsic size, after EXIF orientation. */
  width: number;
  height: number;
  /** Modern formats, best first: `image/avif`, `image/webp`. */
  sources: { type: string; candidates: { url: string; width: number }[] }[];
  /** JPEG or PNG, for browsers that take neither. */
  fallback: { url: string; width: number }[];
  /** A tiny blurred WebP as a data: URL, shown until the image arrives. */
  placeholder: string;
}

/** What one page's render asked of the browser: islands and client scripts. */
export class IslandCollector {
  /** Island id → whether any use of it hydrates on load (then its code is preloaded). */
  readonly used = new Map<string, boolean>();
  readonly scripts = new Set<string>();
  constructor(readonly manifest: IslandManifest | undefined) {}
}

export interface IslandScope {
  collector: IslandCollector | undefined;
  strategy: HydrateStrategy | undefined;
  /** Inside an island everything is hydrated by that island; nested islands render plain. */
  inside: boolean;
}

export const IslandContext = createContext<IslandScope>({
  collector: undefined,
  strategy: undefined,
  inside: false,
});

/** `<head>` tags that start the page's browser code: preload hints, then module scripts. */
export function renderClientHead(collector: IslandCollector): string[] {
  const manifest = collector.manifest;
  if (!manifest || (collector.used.size === 0 && collector.scripts.size === 0)) return [];
  const preload = new Set<string>();
  const scripts: string[] = [];
  if (collector.used.size > 0 && manifest.runtime) {
    for (const chunk of manifest.runtime.imports) preload.add(chunk);
    for (const [id, eager] of [...collector.used].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const module = manifest.islands.get(id)!;
      if (!eager) continue;
      preload.add(module.url);
      for (const chunk of module.imports) preload.add(chunk);
    }
    scripts.push(manifest.runtime.url);
  }
  for (const id of [...collector.scripts].sort()) {
    const module = manifest.scripts.get(id)!;
    for (const chunk of module.imports) preload.add(chunk);
    scripts.push(module.url);
  }
  return [
    ...[...preload].map((url) => `<link rel="modulepreload" href="${url}">`),
    ...scripts.map((url) => `<script type="module" src="${url}"></script>`),
  ];
}
