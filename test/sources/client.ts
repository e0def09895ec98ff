import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ContentStore, type Source } from "../../src/content/index.js";
import { sha256 } from "../../src/support/index.js";
import { HttpClient } from "../../src/sources/http-client.js";
import { resolveFetchOptions, type FetchOptions } from "../../src/sources/fetch-options.js";
import { parseJson } from "../../src/sources/parse-data.js";
import { Secrets } from "../../src/sources/secrets.js";

export interface ClientFixture {
  client: HttpClient;
  cacheDir: string;
  secrets: Secrets;
  logs: string[];
  getJson(url: string, headers?: Record<string, string>): Promise<unknown>;
  /** A second client on the same cache, as the next build would have. */
  again(options?: { offline?: boolean; fetch?: FetchOptions }): ClientFixture;
  cleanup(): Promise<void>;
}

/** An HttpClient with its cache in a temp folder, fast retries, and its log collected. */
export async function createTestClient(fetch: FetchOptions = {}): Promise<ClientFixture> {
  const cacheDir = await mkdtemp(path.join(tmpdir(), "kiln-http-cache-"));
  return make(cacheDir, { fetch, offline: false });
}

function make(cacheDir: string, options: { offline: boolean; fetch: FetchOptions }): ClientFixture {
  const logs: string[] = [];
  const secrets = new Secrets("test");
  const client = new HttpClient({
    source: "test",
    cacheDir,
    offline: options.offline,
    fetch: resolveFetchOptions({ retries: 2, retryDelay: 10, timeout: 2000, ...options.fetch }),
    secrets,
    logger: { info: (m) => logs.push(`info: ${m}`), warn: (m) => logs.push(`warn: ${m}`) },
  });
  return {
    client,
    cacheDir,
    secrets,
    logs,
    getJson: async (url, headers) =>
      (
        await client.request({ url, headers, accept: ["application/json"] }, (text, shown) =>
          parseJson(text, "test", shown),
        )
      ).value,
    again: (next = {}) =>
      make(cacheDir, {
        offline: next.offline ?? false,
        fetch: { ...options.fetch, ...next.fetch },
      }),
    cleanup: () => rm(cacheDir, { recursive: true, force: true }),
  };
}

/** Runs one source into a fresh store, as the build does, with its cache in `cacheDir`. */
export async function loadSource(
  source: Source,
  cacheDir: string,
  options: { offline?: boolean } = {},
): Promise<{ store: ContentStore; logs: string[] }> {
  const store = new ContentStore();
  const logs: string[] = [];
  await source.load({
    root: cacheDir,
    store,
    logger: { info: (m) => logs.push(`info: ${m}`), warn: (m) => logs.push(`warn: ${m}`) },
    digest: sha256,
    cacheDir,
    offline: options.offline ?? false,
  });
  return { store, logs };
}
