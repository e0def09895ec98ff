/**
 * The islands runtime: the one script a page with islands loads. It finds each
 * `<kiln-island>` the build rendered and, when its strategy says so, imports the island's
 * bundle and hydrates the server-rendered markup with the props the build serialized.
 * Browser code: no node: imports (lint enforces it).
 */
import { h, hydrate, type ComponentType } from "preact";

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

async function hydrateIsland(element: HTMLElement): Promise<void> {
  const url = element.dataset.component!;
  const module = (await import(url)) as { default: ComponentType<Record<string, unknown>> };
  const props = JSON.parse(element.dataset.props ?? "{}") as Record<string, unknown>;
  hydrate(h(module.default, props), element);
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
