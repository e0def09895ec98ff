/** Where the dev server serves the live-reload client and its event stream. */
export const CLIENT_PATH = "/__kiln/client.js";
export const EVENTS_PATH = "/__kiln/events";

const TAG = `<script type="module" src="${CLIENT_PATH}"></script>`;

/** Adds the live-reload client to a page, before `</body>` (or at the end when there is none). */
export function injectClient(html: string): string {
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + TAG : `${html.slice(0, at)}${TAG}\n${html.slice(at)}`;
}
