import { createServer, type Server } from "node:http";
import { KilnError, catalog } from "../errors/index.js";
import { createStaticHandler } from "./static-handler.js";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 only: a preview is for this machine, not the network. */
export function startServer(options: { root: string; port: number }): Promise<RunningServer> {
  const server: Server = createServer(createStaticHandler(options.root));
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
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
