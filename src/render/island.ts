import { h, type ComponentChildren, type ComponentType } from "preact";
import { useContext } from "preact/hooks";
import { KilnError, catalog } from "../errors/index.js";
import { serializeIslandProps } from "./island-props.js";
import { IslandContext, type HydrateStrategy } from "./page-assets.js";

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
