/**
 * The islands runtime: the one script a page with islands loads. It finds each
 * `<kiln-island>` the build rendered and, when its strategy says so, imports the island's
 * bundle and hydrates the server-rendered markup with the props the build serialized.
 * Browser code: no node: imports (lint enforces it).
 */
import { h, hydrate, type ComponentChildren, type ComponentType } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";

type Start = () => void;

function whenIdle(start: Start): void {
  if ("requestIdleCallback" in window) window.requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}

function whenVisible(element: HTMLElement, start: Start): void {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    start();
  });
  // The wrapper is `display: contents` and has no box of its own: watch its children.
  for (const child of Array.from(element.children)) observer.observe(child);
}

function whenMedia(query: string, start: Start): void {
  const media = window.matchMedia(query);
  if (media.matches) return start();
  const listener = () => {
    if (!media.matches) return;
    media.removeEventListener("change", listener);
    start();
  };
  media.addEventListener("change", listener);
}

/**
 * A child the build rendered. Its DOM nodes are the page's own, moved, never re-created: an
 * island inside a child keeps its state while the outer island hides and shows it. The empty
 * inner HTML tells Preact the element's content is not its to diff.
 */
function Slot(props: { slotKey: string; nodes: Node[] }) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element && element.firstChild !== (props.nodes[0] ?? null))
      element.replaceChildren(...props.nodes);
  });
  return h("kiln-slot", {
    ref,
    "data-key": props.slotKey,
    dangerouslySetInnerHTML: { __html: "" },
  });
}

/**
 * The island's children, rebuilt from the `<kiln-slot>` elements the build rendered (in the
 * order the page gave them, with their keys). A child the island did not render at build
 * time is not in the page, so it is left out.
 */
function slotChildren(element: HTMLElement): ComponentChildren[] | undefined {
  if (element.dataset.slots === undefined) return undefined;
  const nodes = new Map<string, Node[]>();
  for (const slot of Array.from(element.querySelectorAll<HTMLElement>("kiln-slot"))) {
    if (slot.closest("kiln-island") === element)
      nodes.set(slot.dataset.key ?? "", Array.from(slot.childNodes));
  }
  const keys = JSON.parse(element.dataset.slots) as string[];
  return keys
    .filter((key) => nodes.has(key))
    .map((key) => h(Slot, { key, slotKey: key, nodes: nodes.get(key)! }));
}

async function hydrateIsland(element: HTMLElement): Promise<void> {
  const url = element.dataset.component!;
  const module = (await import(url)) as { default: ComponentType<Record<string, unknown>> };
  const props = JSON.parse(element.dataset.props ?? "{}") as Record<string, unknown>;
  const children = slotChildren(element);
  hydrate(h(module.default, children ? { ...props, children } : props), element);
}

function schedule(element: HTMLElement): void {
  const start = () => {
    hydrateIsland(element).catch((error: unknown) => {
      console.error(`kiln: island ${element.dataset.island} failed to hydrate`, error);
    });
  };
  const strategy = element.dataset.hydrate;
  if (strategy === "idle") whenIdle(start);
  else if (strategy === "visible") whenVisible(element, start);
  else if (strategy === "media") whenMedia(element.dataset.media ?? "all", start);
  else start();
}

for (const element of Array.from(document.querySelectorAll<HTMLElement>("kiln-island"))) {
  schedule(element);
}
