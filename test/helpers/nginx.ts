import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real nginx serving a built site as a production host would: pretty URLs via try_files,
 * the 404 page for unknown URLs. Runs in the foreground on 127.0.0.1, stopped by close().
 */
export async function startNginx(
  root: string,
  /** Lines for the server block, such as an `include` of Kiln's header file. */
  serverExtra = "",
): Promise<{ url: string; close(): Promise<void> }> {
  const work = await mkdtemp(path.join(tmpdir(), "kiln-nginx-"));
  const port = await freePort();
  const config = nginxConfig(work, port, root, serverExtra);
  await writeFile(path.join(work, "nginx.conf"), config);
  const child: ChildProcess = spawn("nginx", ["-c", path.join(work, "nginx.conf"), "-p", work], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      break;
    await sleep(50);
  }
  return {
    url,
    async close() {
      child.kill("SIGQUIT");
      await new Promise((resolve) => child.once("exit", resolve));
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** `nginx -t` on the config startNginx would run: its exit code and what it printed. */
export async function checkNginx(
  root: string,
  serverExtra = "",
): Promise<{ code: number; output: string }> {
  const work = await mkdtemp(path.join(tmpdir(), "kiln-nginx-"));
  try {
    await writeFile(
      path.join(work, "nginx.conf"),
      nginxConfig(work, await freePort(), root, serverExtra),
    );
    return await new Promise((resolve) => {
      execFile(
        "nginx",
        ["-t", "-c", path.join(work, "nginx.conf"), "-p", work],
        { timeout: 20_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ code, output: stdout + stderr });
        },
      );
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function nginxConfig(work: string, port: number, root: string, serverExtra: string): string {
  return `
daemon off;
user root;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  # Compressed as any real host serves text; Lighthouse's text-compression audit, asserted in
  # npm test, flagged 3 KiB of uncompressed CSS and JS without it.
  gzip on;
  gzip_types text/css application/javascript text/javascript application/json image/svg+xml application/xml text/xml;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    index index.html;
    error_page 404 /404.html;
    location / { try_files $uri $uri/ =404; }
    ${serverExtra}
  }
}
`;
}
