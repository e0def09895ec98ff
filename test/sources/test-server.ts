import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => unknown;

export interface TestServer {
  url: string;
  /** Every request received, in order: path with query, headers and body. */
  requests: { path: string; headers: IncomingMessage["headers"]; body: string }[];
  /** Highest number of requests the server was answering at once. */
  maxInFlight: number;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 for sources to fetch from, with routes a test sets up to
 * misbehave on purpose: slow, failing, truncated, mislabelled. Unknown paths answer 404.
 */
export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  let inFlight = 0;
  const state: TestServer = {
    url: "",
    requests: [],
    maxInFlight: 0,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = request.url ?? "/";
      state.requests.push({ path, headers: request.headers, body });
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      response.on("close", () => inFlight--);
      const handler = routes.get(path.split("?")[0]!);
      if (!handler) {
        response.writeHead(404).end();
        return;
      }
      Promise.resolve(handler(request, response, body) as Promise<void>).catch((error: unknown) => {
        response.destroy(error as Error);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

export function sendJson(response: ServerResponse, value: unknown, headers = {}): void {
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(value));
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
