import { h, toChildArray, type ComponentChildren, type ComponentType } from "preact";
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
    const { children, ...rest } = props as P & { children?: ComponentChildren };
    const slots = islandSlots(id, children, (child) =>
      // A slot renders in the page's scope: an island in it is an island of its own.
      h(IslandContext.Provider, { value: scope }, child),
    );
    scope.collector.used.set(id, scope.collector.used.get(id) === true || strategy === "load");
    const attributes: Record<string, string> = {
      "data-island": id,
      "data-component": module.url,
      "data-props": serializeIslandProps(rest, id),
      "data-hydrate": typeof strategy === "string" ? strategy : "media",
    };
    if (typeof strategy === "object") attributes["data-media"] = strategy.media;
    if (slots) attributes["data-slots"] = JSON.stringify(slots.keys);
    const rendered = slots ? { ...props, children: slots.vnodes } : props;
    return h(
      "kiln-island",
      attributes,
      h(IslandContext.Provider, { value: { ...scope, inside: true } }, h(component, rendered)),
    );
  }
  IslandRoot.displayName = `Island(${component.displayName ?? component.name ?? id})`;
  return IslandRoot;
}

/**
 * Children given to an island in a page are rendered here, at build time, as static HTML:
 * each one inside a `<kiln-slot data-key>` the island places, shows, hides or reorders like
 * any child (by its key). The browser gets their HTML as it is, never as props.
 */
function islandSlots(
  id: string,
  children: ComponentChildren,
  wrap: (child: ComponentChildren) => ComponentChildren,
): { keys: string[]; vnodes: ComponentChildren[] } | undefined {
  const items = toChildArray(children);
  if (items.length === 0) return undefined;
  const keys: string[] = [];
  const vnodes = items.map((child, index) => {
    const key = typeof child === "object" && child.key != null ? String(child.key) : String(index);
    if (keys.includes(key)) {
      throw new KilnError(
        catalog.IslandPropsInvalid({
          island: id,
          prop: "children",
          found: `two children with key "${key}"`,
        }),
      );
    }
    keys.push(key);
    return h("kiln-slot", { key, "data-key": key }, wrap(child));
  });
  return { keys, vnodes };
}
