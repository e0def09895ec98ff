import http from "node:http";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { createS3Client, type S3Client } from "../../src/storage/index.js";

const WEBSITE = `<WebsiteConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <IndexDocument><Suffix>index.html</Suffix></IndexDocument>
  <ErrorDocument><Key>404.html</Key></ErrorDocument>
</WebsiteConfiguration>`;

/** s3rver's fixed keys: any other key is refused with InvalidAccessKeyId. */
export const S3_ENV = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" };

export interface S3Server {
  /** http://127.0.0.1:<port>, for `endpoint` with `forcePathStyle`. */
  endpoint: string;
  port: number;
  /** The bucket's static website: http://<bucket>.s3-website.localhost:<port>/ (Chromium maps *.localhost to loopback). */
  websiteUrl(bucket: string): string;
  /** Fetches from the website endpoint, for Node (which does not map *.localhost). */
  fetchWebsite(bucket: string, urlPath: string): Promise<Response>;
  client(bucket: string): S3Client;
  /** Stops the server, keeping its files: `restart()` brings it back on the same port. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * s3rver 3.7.1 makes ListObjectsV2 continuation tokens with DES, which Node 20's OpenSSL 3
 * only has in its legacy provider: a listing past 1,000 keys answers 500 unless the process
 * runs with --openssl-legacy-provider (bench/deploy.ts does; the tests stay below 1,000).
 *
 * A real S3-compatible server (s3rver) on 127.0.0.1, on a port the OS picks, storing in a
 * temp folder, with `buckets` created with static website hosting (index.html, 404.html).
 */
export async function startS3Server(buckets: string[]): Promise<S3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), "kiln-s3rver-"));
  const configs = buckets.map((name) => ({ name, configs: [WEBSITE] }));
  const make = (port: number) =>
    new S3rver({
      address: "127.0.0.1",
      port,
      silent: true,
      directory,
      serviceEndpoint: "localhost",
      configureBuckets: configs,
    });
  let server = make(0);
  const { port } = await server.run();
  let running = true;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    port,
    websiteUrl: (bucket) => `http://${bucket}.s3-website.localhost:${port}/`,
    fetchWebsite: (bucket, urlPath) =>
      getWithHost(port, urlPath, `${bucket}.s3-website.localhost:${port}`),
    client: (bucket) =>
      createS3Client({
        bucket,
        region: "us-east-1",
        endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER", source: "the test" },
        retry: { attempts: 2, baseDelay: 50 },
      }),
    async stop() {
      if (running) await server.close();
      running = false;
    },
    async restart() {
      if (running) return;
      server = make(port);
      await server.run();
      running = true;
    },
    async close() {
      if (running) await server.close();
      running = false;
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A GET to 127.0.0.1 naming another host (fetch() would not send a Host header of ours). */
function getWithHost(port: number, urlPath: string, host: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: urlPath, headers: { host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            if (typeof value === "string") headers.set(name, value);
          const body = [204, 304].includes(res.statusCode!) ? null : Buffer.concat(chunks);
          resolve(new Response(body, { status: res.statusCode!, headers }));
        });
      })
      .on("error", reject);
  });
}

/** Adds a `deploy.s3` (and optionally `cache.remote`) section to a copied project's config. */
export async function configureBucket(
  root: string,
  endpoint: string,
  sections: { deploy?: string; cache?: string; extra?: string },
): Promise<void> {
  const file = path.join(root, "kiln.config.ts");
  const target = (bucket: string, prefix = "") =>
    `{ bucket: ${JSON.stringify(bucket)}, endpoint: ${JSON.stringify(endpoint)}, forcePathStyle: true, prefix: ${JSON.stringify(prefix)} }`;
  const lines: string[] = [];
  if (sections.deploy)
    lines.push(`deploy: { s3: ${target(sections.deploy)}, ${sections.extra ?? ""} },`);
  if (sections.cache) lines.push(`cache: { remote: ${target(sections.cache, "kiln-cache/")} },`);
  const source = await readFile(file, "utf8");
  await writeFile(
    file,
    source.replace("defineConfig({", `defineConfig({\n  ${lines.join("\n  ")}`),
  );
}

/**
 * An HTTP proxy in front of the real store that injects faults: it can hold requests
 * (`holdAfterPuts(n)` lets n PUTs through and keeps every later request waiting: a deploy
 * frozen mid-upload), answer the next requests with an S3 error, or cut connections.
 */
export interface FaultProxy {
  endpoint: string;
  /** Resolves once a request is being held after `n` PUTs went through. */
  holdAfterPuts(n: number): Promise<void>;
  /** Drops the connections of held requests (a network failure) and stops holding. */
  dropHeld(): void;
  /** Answers the next `count` requests matching `method` with this S3 error. */
  failNext(count: number, method: string, status: number, code: string): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  let limit = Infinity;
  let puts = 0;
  let notify: (() => void) | undefined;
  let held: http.ServerResponse[] = [];
  let failure: { count: number; method: string; status: number; code: string } | undefined;
  const server = http.createServer((req, res) => {
    if (failure && failure.count > 0 && req.method === failure.method) {
      failure.count--;
      req.resume();
      res.writeHead(failure.status, { "content-type": "application/xml" });
      res.end(
        `<?xml version="1.0"?><Error><Code>${failure.code}</Code><Message>injected</Message></Error>`,
      );
      return;
    }
    if (req.method === "PUT") {
      if (puts >= limit) {
        held.push(res);
        notify?.();
        return;
      }
      puts++;
    }
    const upstream = http.request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const dropHeld = () => {
    limit = Infinity;
    for (const res of held) res.destroy();
    held = [];
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    dropHeld,
    holdAfterPuts(n) {
      limit = puts + n;
      return new Promise((resolve) => (notify = resolve));
    },
    failNext(count, method, status, code) {
      failure = { count, method, status, code };
    },
    async close() {
      dropHeld();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
