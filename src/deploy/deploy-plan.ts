import type { ResolvedDeployOptions } from "../config/index.js";
import { servedFile } from "../support/index.js";
import type { LocalFile } from "./local-files.js";
import { headersFor, objectDigest, type ObjectHeaders } from "./object-headers.js";
import type { RemoteObject } from "./remote-state.js";

/** A redirect from the config: `from` is a site path such as "/old-post/". */
export interface DeployRedirect {
  from: string;
  to: string;
}

export interface PlannedUpload {
  key: string;
  /** The file to send; undefined for a redirect, which is an empty object. */
  local: LocalFile | undefined;
  headers: ObjectHeaders;
  digest: string;
  /** Bytes before compression. */
  size: number;
  /** The object existed with other bytes or headers (its URL may be cached by a CDN). */
  replaces: boolean;
}

export interface DeployPlan {
  /**
   * In the order that keeps the live site whole: first everything pages link to (hashed
   * assets, images, other new files), then pages, feeds and redirects. Old pages never link
   * to a file that is not there yet, and new pages find every file they link to.
   */
  phases: { assets: PlannedUpload[]; pages: PlannedUpload[] };
  /** Keys that are no longer in the output, deleted after every upload. */
  deletes: string[];
  unchanged: number;
  uploadBytes: number;
}

/** Pages and what links to them go last. */
function isPage(key: string): boolean {
  return /\.(html?|xml)$/i.test(key);
}

export function planDeploy(
  local: readonly LocalFile[],
  redirects: readonly DeployRedirect[],
  remote: ReadonlyMap<string, RemoteObject>,
  options: ResolvedDeployOptions,
): DeployPlan {
  const wanted = new Map<string, Omit<PlannedUpload, "replaces">>();
  for (const file of local) {
    const headers = headersFor(file.key, options);
    wanted.set(file.key, {
      key: file.key,
      local: file,
      headers,
      digest: objectDigest(file.sha256, headers),
      size: file.size,
    });
  }
  for (const redirect of redirects) {
    const key = servedFile(redirect.from);
    // The build refuses a redirect from a page or public file, so a file at that key is the
    // redirect's own page for plain hosts: the bucket's 301 replaces it.
    const headers: ObjectHeaders = {
      contentType: "text/html; charset=utf-8",
      cacheControl: "public, max-age=0, must-revalidate",
      redirectLocation: redirect.to,
    };
    wanted.set(key, { key, local: undefined, headers, digest: objectDigest("", headers), size: 0 });
  }
  const plan: DeployPlan = {
    phases: { assets: [], pages: [] },
    deletes: [],
    unchanged: 0,
    uploadBytes: 0,
  };
  for (const item of [...wanted.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const existing = remote.get(item.key);
    if (existing?.digest === item.digest) {
      plan.unchanged++;
      continue;
    }
    const upload = { ...item, replaces: existing !== undefined };
    (isPage(item.key) || item.local === undefined ? plan.phases.pages : plan.phases.assets).push(
      upload,
    );
    plan.uploadBytes += item.size;
  }
  plan.deletes = [...remote.keys()].filter((key) => !wanted.has(key)).sort();
  return plan;
}
