import { createContext, h, type ComponentChildren, type ComponentType } from "preact";
import { useContext } from "preact/hooks";
import { KilnError, catalog } from "../errors/index.js";
import { serializeIslandProps } from "./island-props.js";

/**
 * When an island's code runs in the browser: at once (`"load"`), when the main thread is
 * idle, when the island scrolls into view, or when a media query matches.
 */
export type HydrateStrategy = "load" | "idle" | "visible" | { media: string };

/** Where an island's bundle and the chunks it imports were written, as URLs. */
export interface ClientModule {
  url: string;
  /** Chunks the module imports statically, for `<link rel="modulepreload">`. */
  imports: string[];
}

/** The client bundles of one build: the hydration runtime and each island by id. */
export interface IslandManifest {
  runtime: ClientModule;
  islands: ReadonlyMap<string, ClientModule>;
}

/** What one page's render learnt about its islands. */
export class IslandCollector {
  /** Island id → whether any use of it hydrates on load (then its code is preloaded). */
  readonly used = new Map<string, boolean>();
  constructor(readonly manifest: IslandManifest | undefined) {}
}

interface IslandScope {
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

/**
 * Chooses when the island inside it hydrates: `<Island hydrate="visible"><Search /></Island>`.
 * An island used without it hydrates on load.
 */
export function Island(props: { hydrate: HydrateStrategy; children?: ComponentChildren }) {
  const scope = useContext(IslandContext);
  return h(
    IslandContext.Provider,
    { value: { ...scope, strategy: props.hydrate } },
    props.children,
  );
}

/**
 * Kiln's compiler wraps the default export of every module in `src/islands/` with this, so
 * pages use an island like any component. At build time it renders the component inside a
 * `<kiln-island>` element that tells the browser runtime what to load, with which props.
 */
export function markIsland<P extends object>(component: ComponentType<P>, id: string) {
  function IslandRoot(props: P) {
    const scope = useContext(IslandContext);
    if (scope.inside || !scope.collector) return h(component, props);
    const strategy = scope.strategy ?? "load";
    const module = scope.collector.manifest?.islands.get(id);
    if (!module) throw new KilnError(catalog.IslandUnbundled({ island: id }));
    const { children, ...rest } = props as P & { children?: unknown };
    if (children !== undefined && children !== null)
      throw new KilnError(
        catalog.IslandPropsInvalid({ island: id, prop: "children", found: "children" }),
      );
    scope.collector.used.set(id, scope.collector.used.get(id) === true || strategy === "load");
    const attributes: Record<string, string> = {
      "data-island": id,
      "data-component": module.url,
      "data-props": serializeIslandProps(rest, id),
      "data-hydrate": typeof strategy === "string" ? strategy : "media",
    };
    if (typeof strategy === "object") attributes["data-media"] = strategy.media;
    return h(
      "kiln-island",
      attributes,
      h(IslandContext.Provider, { value: { ...scope, inside: true } }, h(component, props)),
    );
  }
  IslandRoot.displayName = `Island(${component.displayName ?? component.name ?? id})`;
  return IslandRoot;
}

/** `<head>` tags that start the page's islands: preload hints, then the runtime. */
export function renderIslandHead(collector: IslandCollector): string[] {
  if (collector.used.size === 0 || !collector.manifest) return [];
  const { runtime, islands } = collector.manifest;
  const preload = new Set<string>(runtime.imports);
  for (const [id, eager] of [...collector.used].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const module = islands.get(id)!;
    if (!eager) continue;
    preload.add(module.url);
    for (const chunk of module.imports) preload.add(chunk);
  }
  return [
    ...[...preload].map((url) => `<link rel="modulepreload" href="${url}">`),
    `<script type="module" src="${runtime.url}"></script>`,
  ];
}
