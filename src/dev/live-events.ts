import type { IncomingMessage, ServerResponse } from "node:http";

/** A message to the browsers: reload the page, or swap one stylesheet in place. */
export type LiveEvent = { type: "reload" } | { type: "css"; path: string };

/**
 * The live-reload channel: server-sent events over a plain GET, so no WebSocket library and
 * no upgrade handshake to secure. The stream carries only "reload" and stylesheet paths,
 * never file contents.
 */
export interface LiveEvents {
  attach(req: IncomingMessage, res: ServerResponse): void;
  send(event: LiveEvent): void;
  close(): void;
}

export function createLiveEvents(): LiveEvents {
  const clients = new Set<ServerResponse>();
  // A comment line every 20 s keeps proxies and idle timeouts from closing the stream.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(": ping\n\n");
  }, 20_000);
  heartbeat.unref();
  return {
    attach(req, res) {
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        connection: "keep-alive",
      });
      res.write("retry: 500\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
    },
    send(event) {
      const data = `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
      for (const res of clients) res.write(data);
    },
    close() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
