/**
 * Runs in the browser on every page `kiln dev` serves. Browser code only: no `node:`
 * imports (eslint enforces it for this folder). Listens to the dev server's event stream;
 * reloads the page on "reload" and re-fetches one stylesheet on "css".
 */
const EVENTS_PATH = "/__kiln/events";

function swapStylesheet(path: string): boolean {
  let swapped = false;
  for (const link of Array.from(
    document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'),
  )) {
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== path) continue;
    url.searchParams.set("kiln-t", String(Date.now()));
    link.href = url.href;
    swapped = true;
  }
  return swapped;
}

function connect(): void {
  const source = new EventSource(EVENTS_PATH);
  let lostConnection = false;
  source.addEventListener("reload", () => location.reload());
  source.addEventListener("css", (event: MessageEvent<string>) => {
    const { path } = JSON.parse(event.data) as { path: string };
    // A stylesheet the page does not link may still be imported by one it does.
    if (!swapStylesheet(path)) location.reload();
  });
  source.addEventListener("error", () => {
    lostConnection = true;
  });
  // The server restarted: what it serves may have changed while we were away.
  source.addEventListener("open", () => {
    if (lostConnection) location.reload();
  });
}

connect();
