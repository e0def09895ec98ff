import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import path from "node:path";
import { resolveRoot } from "../build/index.js";
import { KilnError, catalog, formatError, formatWarning } from "../errors/index.js";
import { createDevSession } from "./dev-session.js";
import { clientCodeLoader } from "./client-code.js";
import { handleRequest } from "./handle-request.js";
import { createHostAllowlist } from "../serve/index.js";
import { createLiveEvents } from "./live-events.js";
import { watchProject } from "./watch-project.js";

export interface DevServerOptions {
  root: string;
  /** The first port tried; the next free one is taken when it is in use. @default 4321 */
  port: number;
  /** The address to listen on. @default "127.0.0.1" */
  host?: string | undefined;
  debug?: boolean | undefined;
  /** Terminal output. */
  print: (text: string) => void;
}

export interface RunningDevServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** How many ports after the requested one are tried before giving up. */
const PORT_ATTEMPTS = 20;

/**
 * `kiln dev`: loads the site, serves pages rendered on request with the live-reload client
 * added, watches the project and tells the browsers when to reload. Survives any mistake in
 * the project and any malformed request.
 */
export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const root = resolveRoot(options.root);
  const debug = options.debug ?? false;
  const events = createLiveEvents();
  const logger = {
    info: (message: string) => options.print(`${message}\n`),
    warn: (message: string) => options.print(formatWarning(message)),
  };
  const session = await createDevSession({
    root,
    logger,
    print: options.print,
    debug,
    notify: (event) => events.send(event),
  });
  const initial = await session.current();
  const configured = initial.site?.config.dev.allowedHosts ?? [];
  const listenHost = options.host ?? "127.0.0.1";
  const allowedHosts = createHostAllowlist(
    isWildcard(listenHost) ? configured : [...configured, listenHost],
  );
  let port = options.port;
  const clientCode = clientCodeLoader();
  const server: Server = createServer((req, res) => {
    handleRequest(
      {
        root,
        session,
        events,
        allowedHosts,
        port: () => port,
        reportError: (error) => options.print(formatError(error, { debug, cwd: process.cwd() })),
        clientCode,
      },
      req,
      res,
    ).catch((error: unknown) => {
      options.print(formatError(error, { debug, cwd: process.cwd() }));
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("500\n");
    });
  });
  // Requests Node cannot parse get Node's own answer (400, 431, 408 for a timeout) and a
  // hang-up, the same as `kiln serve`: no clientError handler of our own.
  port = await listen(server, options.port, listenHost);
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const outDir = initial.site?.paths.outDir ?? path.join(root, "dist");
  const watcher = await watchProject(
    root,
    [outDir],
    (files) => void session.update(files),
    (error) => options.print(formatError(error, { debug, cwd: process.cwd() })),
  );
  const shownHost = listenHost.includes(":") ? `[${listenHost}]` : listenHost;
  return {
    url: `http://${shownHost}:${port}${initial.site?.config.site.base ?? "/"}`,
    port,
    async close() {
      await watcher.close();
      events.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::" || host === "";
}

/** Listens on `first`, or the next free port; fails only when all of them are taken. */
async function listen(server: Server, first: number, host: string): Promise<number> {
  const last = first === 0 ? 0 : Math.min(65535, first + PORT_ATTEMPTS - 1);
  for (let port = first; port <= last; port++) {
    const result = await new Promise<number | "taken">((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off("listening", onListening);
        if (error.code === "EADDRINUSE") resolve("taken");
        else reject(error);
      };
      const onListening = () => {
        server.off("error", onError);
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : port);
      };
      server.once("error", onError);
      server.once("listening", onListening);
      server.listen(port, host);
    });
    if (result !== "taken") return result;
  }
  throw new KilnError(catalog.PortInUse({ port: first }));
}
