import { KilnError, catalog } from "../errors/index.js";

/**
 * An island's props travel to the browser as JSON in an HTML attribute. Only values JSON
 * keeps as they are may go: a function, a Date or a VNode would arrive as something else,
 * so it is a build error that names the prop, not a surprise in the browser.
 */
export function serializeIslandProps(props: Record<string, unknown>, island: string): string {
  assertSerializable(props, "props", island, new Set());
  // `<`, `>` and `&` never appear raw, so the JSON cannot end the attribute, a script or a
  // comment even if it were pasted somewhere else; JSON.parse turns them back.
  return JSON.stringify(props).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function assertSerializable(value: unknown, at: string, island: string, seen: Set<object>): void {
  const fail = (found: string) => {
    throw new KilnError(catalog.IslandPropsInvalid({ island, prop: at, found }));
  };
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(String(value));
    return;
  }
  if (typeof value !== "object") return fail(typeof value);
  if (seen.has(value)) return fail("a circular reference");
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertSerializable(item, `${at}[${index}]`, island, seen));
  } else {
    // Preact marks its VNodes with an own `constructor: undefined`.
    if (Object.hasOwn(value, "constructor") && "props" in value) fail("a JSX element");
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name;
      fail(`a ${name ?? "class"} instance`);
    }
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      assertSerializable(item, `${at}.${key}`, island, seen);
    }
  }
  seen.delete(value);
}
