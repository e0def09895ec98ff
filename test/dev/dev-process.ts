import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { KILN_BIN } from "../helpers/build-fixture.js";
import { unprivileged } from "../helpers/unprivileged.js";

export interface DevProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server printed to the terminal so far. */
  stderr(): string;
  /** Resolves once the terminal shows text matching `pattern` (bounded by `timeoutMs`). */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the real `kiln dev` on a free port (or `--port` given in `args`); `unprivileged`
 * runs it bound by permission bits, for faults that root would not meet.
 */
export function startDev(
  root: string,
  args: string[] = ["--port", "0"],
  options: { unprivileged?: boolean } = {},
): Promise<DevProcess> {
  return startKilnServer("dev", root, args, options);
}

/** Runs the real `kiln serve` on a free port, the same way, for tests that hit both servers. */
export function startServe(root: string, args: string[] = ["--port", "0"]): Promise<DevProcess> {
  return startKilnServer("serve", root, args, {});
}

function startKilnServer(
  name: "dev" | "serve",
  root: string,
  args: string[],
  options: { unprivileged?: boolean },
): Promise<DevProcess> {
  const plain = [process.execPath, KILN_BIN, name, root, ...args];
  const command = options.unprivileged ? unprivileged(plain) : plain;
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`kiln ${name} did not start:\n${stdout}\n${stderr}`));
    }, 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`kiln ${name} exited with ${code}:\n${stdout}\n${stderr}`));
    });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const match = / at (http:\/\/[^/\s]+:(\d+)\/)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        url: match[1]!,
        port: Number(match[2]),
        child,
        stderr: () => stderr,
        waitForStderr: (pattern, timeoutMs = 15_000) =>
          new Promise((done, fail) => {
            const started = Date.now();
            const poll = () => {
              if (pattern.test(stderr)) return done();
              if (Date.now() - started > timeoutMs)
                return fail(new Error(`terminal never showed ${pattern}:\n${stderr}`));
              setTimeout(poll, 50);
            };
            poll();
          }),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

export interface RawResponse {
  status: number;
  head: string;
  body: string;
  raw: string;
}

/**
 * Sends bytes exactly as given over a TCP socket, so no HTTP client normalises the path,
 * and reads until the server hangs up (or `timeoutMs`, then what arrived so far).
 */
export function sendRaw(port: number, request: string, timeoutMs = 5_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks).toString("latin1");
      const split = raw.indexOf("\r\n\r\n");
      const head = split === -1 ? raw : raw.slice(0, split);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
      resolve({ status, head, body: split === -1 ? "" : raw.slice(split + 4), raw });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("end", finish);
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // The server may hang up while we still write an oversized request: that is an answer.
      if (error.code === "ECONNRESET" || error.code === "EPIPE") finish();
      else reject(error);
    });
    socket.write(request);
  });
}

/** A well-formed GET with `Connection: close`, target written as is. */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}) {
  const lines = [`GET ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, "Connection: close"];
  for (const [name, value] of Object.entries(headers)) {
    const at = lines.findIndex((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    if (at === -1) lines.push(`${name}: ${value}`);
    else lines[at] = `${name}: ${value}`;
  }
  return sendRaw(port, lines.join("\r\n") + "\r\n\r\n");
}
