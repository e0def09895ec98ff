import { createServer, type Server } from "node:http";
import { KilnError, catalog } from "../errors/index.js";
import { createHostAllowlist } from "./host-check.js";
import { createStaticHandler } from "./static-handler.js";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  root: string;
  port: number;
  /** Host names answered besides localhost, 127.0.0.1 and [::1]. @default [] */
  allowedHosts?: readonly string[] | undefined;
  /** `site.base`: the site is served under it, as its host will. @default "/" */
  base?: string | undefined;
}

/** Serves `root` on 127.0.0.1 only: a preview is for this machine, not the network. */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const allowed = createHostAllowlist(options.allowedHosts ?? []);
  const base = options.base ?? "/";
  const server: Server = createServer(createStaticHandler(options.root, allowed, base));
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new KilnError(catalog.PortInUse({ port: options.port }))
          : error,
      );
    });
    server.listen(options.port, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({
        url: `http://127.0.0.1:${port}${base}`,
        port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // close() waits for open connections, and a client that sent nothing or half a
            // request (a browser's preconnect, a slowloris) kept Ctrl-C from stopping serve.
            server.closeAllConnections();
          }),
      });
    });
  });
}
