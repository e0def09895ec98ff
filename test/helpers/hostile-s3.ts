import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * How the store misbehaves on a listing (`GET /<bucket>?list-type=2`):
 * - `repeat-token`: every page says "truncated" and gives the same continuation token;
 * - `not-xml`: 200 with an HTML page;
 * - `outside-prefix`: lists `extra` keys that are not under the asked prefix;
 * - `silent`: accepts the connection and never answers anything;
 * - `honest`: a plain in-memory store.
 */
export type Misbehaviour = "repeat-token" | "not-xml" | "outside-prefix" | "silent" | "honest";

export interface HostileStore {
  /** http://127.0.0.1:<port>, for `endpoint` with `forcePathStyle`. */
  endpoint: string;
  /** Every request seen, as "METHOD /path?query". */
  readonly requests: string[];
  /** Keys named in DeleteObjects bodies. */
  readonly deleted: string[];
  /** The objects PUT, by key, with the request headers they came with. */
  readonly objects: Map<string, http.IncomingHttpHeaders>;
  close(): Promise<void>;
}

/** Past this many requests the store answers 400: a client that loops stops at once. */
const MAX_REQUESTS = 500;

/**
 * An S3-compatible store on 127.0.0.1 that misbehaves on purpose. It checks no signatures.
 * Bounded: at most MAX_REQUESTS answered requests, and `close()` drops held connections.
 */
export async function startHostileStore(
  misbehaviour: Misbehaviour,
  options: { extra?: string[] } = {},
): Promise<HostileStore> {
  const requests: string[] = [];
  const deleted: string[] = [];
  const objects = new Map<string, http.IncomingHttpHeaders>();
  const held: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push(`${req.method} ${req.url}`);
      if (misbehaviour === "silent") return void held.push(res);
      if (requests.length > MAX_REQUESTS) return void res.writeHead(400).end("too many requests");
      const url = new URL(req.url ?? "/", "http://store");
      const [, , ...rest] = url.pathname.split("/");
      const key = rest.map(decodeURIComponent).join("/");
      if (req.method === "GET" && key === "" && url.searchParams.get("list-type") === "2")
        return void list(url.searchParams.get("prefix") ?? "", res);
      if (req.method === "POST" && url.searchParams.has("delete")) {
        const body = Buffer.concat(chunks).toString("utf8");
        for (const [, name] of body.matchAll(/<Key>([^<]*)<\/Key>/g)) {
          deleted.push(name!);
          objects.delete(name!);
        }
        return void xml(res, "<DeleteResult></DeleteResult>");
      }
      if (req.method === "PUT") {
        objects.set(key, req.headers);
        res.writeHead(200, { etag: `"${objects.size}"` });
        return void res.end();
      }
      if ((req.method === "GET" || req.method === "HEAD") && objects.has(key)) {
        res.writeHead(200, { etag: '"1"', "content-length": "0" });
        return void res.end();
      }
      res.writeHead(404, { "content-type": "application/xml" });
      res.end(req.method === "HEAD" ? undefined : "<Error><Code>NoSuchKey</Code></Error>");
    });
  });
  function list(prefix: string, res: http.ServerResponse) {
    if (misbehaviour === "not-xml") {
      res.writeHead(200, { "content-type": "text/html" });
      return void res.end("<!doctype html><title>Welcome</title><p>It works!");
    }
    const keys = [...objects.keys()].filter((k) => k.startsWith(prefix));
    if (misbehaviour === "outside-prefix") keys.push(...(options.extra ?? []));
    const contents = keys
      .map((k) => `<Contents><Key>${k}</Key><ETag>"1"</ETag><Size>0</Size></Contents>`)
      .join("");
    const more =
      misbehaviour === "repeat-token"
        ? "<IsTruncated>true</IsTruncated><NextContinuationToken>again</NextContinuationToken>"
        : "<IsTruncated>false</IsTruncated>";
    xml(res, `<ListBucketResult><Prefix>${prefix}</Prefix>${contents}${more}</ListBucketResult>`);
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    deleted,
    objects,
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function xml(res: http.ServerResponse, body: string): void {
  res.writeHead(200, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
}
