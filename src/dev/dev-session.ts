import path from "node:path";
import type { SourceLogger } from "../content/index.js";
import { formatError } from "../errors/index.js";
import { isInside } from "../support/index.js";
import type { LiveEvent } from "./live-events.js";
import { loadSite, type DevSite } from "./load-site.js";
import { patchContent } from "./patch-content.js";

/** The site as of the last change: loaded, or broken with the error to show. */
export type DevState = { site: DevSite; error?: undefined } | { site?: undefined; error: unknown };

export interface DevSessionOptions {
  root: string;
  logger: SourceLogger;
  /** Terminal output: what changed, errors, fixes. */
  print: (text: string) => void;
  debug: boolean;
  notify: (event: LiveEvent) => void;
}

/**
 * Holds the current state and replaces it when files change. Updates run one at a time;
 * requests wait for the one in flight, so a browser never gets a page older than the save
 * that made it reload. A user's mistake becomes the state, never a crash.
 */
export interface DevSession {
  current(): Promise<DevState>;
  /** Files changed (absolute paths). */
  update(files: readonly string[]): Promise<void>;
}

export async function createDevSession(options: DevSessionOptions): Promise<DevSession> {
  let state = await load(options);
  let pending: Promise<void> = Promise.resolve();
  return {
    async current() {
      await pending;
      return state;
    },
    update(files) {
      pending = pending
        .then(async () => {
          const started = performance.now();
          const site = state.site;
          if (site && files.every((file) => isInside(site.paths.publicDir, file))) {
            notifyPublic(files, site.paths.publicDir, options);
            return;
          }
          const wasBroken = state.error !== undefined;
          state = (site && (await patch(site, files, options))) || (await load(options));
          const ms = Math.round(performance.now() - started);
          if (state.site) {
            const shown = files.slice(0, 3).map((f) => path.relative(options.root, f));
            if (files.length > 3) shown.push(`${files.length - 3} more`);
            const names = shown.join(", ");
            options.print(`${wasBroken ? "fixed" : "updated"} ${names} (${ms} ms)\n`);
          }
          options.notify({ type: "reload" });
        })
        .catch((error: unknown) => {
          // A bug in Kiln, not the project: say so, and keep serving the last state.
          options.print(formatError(error, { debug: options.debug, cwd: process.cwd() }));
        });
      return pending;
    },
  };
}

/** Only content entries changed: patch the loaded site (see patch-content.ts). */
async function patch(
  site: DevSite,
  files: readonly string[],
  options: DevSessionOptions,
): Promise<DevState | undefined> {
  if (!files.every((file) => isInside(site.paths.contentDir, file))) return undefined;
  try {
    const patched = await patchContent(site, files);
    return patched && { site: patched };
  } catch (error) {
    options.print(formatError(error, { debug: options.debug, cwd: process.cwd() }));
    return { error };
  }
}

async function load(options: DevSessionOptions): Promise<DevState> {
  try {
    return { site: await loadSite(options.root, options.logger) };
  } catch (error) {
    options.print(formatError(error, { debug: options.debug, cwd: process.cwd() }));
    return { error };
  }
}

/** A stylesheet swaps in place; anything else in public/ reloads the page. */
function notifyPublic(files: readonly string[], publicDir: string, options: DevSessionOptions) {
  if (files.every((file) => file.endsWith(".css"))) {
    for (const file of files) {
      const url = "/" + path.relative(publicDir, file).split(path.sep).join("/");
      options.notify({ type: "css", path: url });
    }
    return;
  }
  options.notify({ type: "reload" });
}
