import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { KilnError, catalog } from "../errors/index.js";

/**
 * The URLs a CDN may hold stale copies of: every replaced or deleted key, and for an
 * `index.html` the folder URL visitors use ("/posts/a/" and "/posts/a/index.html").
 * New keys are left out: nothing can have cached them.
 */
export function changedUrls(keys: readonly string[]): string[] {
  const urls = new Set<string>();
  for (const key of keys) {
    urls.add(`/${key}`);
    if (key === "index.html" || key.endsWith("/index.html"))
      urls.add(`/${key.slice(0, -"index.html".length)}`);
  }
  return [...urls].sort();
}

/** Writes `.kiln/deploy/invalidate.json` ({ bucket, prefix, urls }) and returns its path. */
export async function writeInvalidation(
  cacheDir: string,
  value: { bucket: string; prefix: string; urls: string[] },
): Promise<string> {
  const file = path.join(cacheDir, "deploy", "invalidate.json");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(value, null, 2) + "\n");
  return file;
}

/**
 * Runs the user's invalidation command in the project folder through the shell, with the
 * JSON on stdin and its path in KILN_INVALIDATE_FILE; its output goes to Kiln's stderr.
 */
export function runInvalidateCommand(
  command: string,
  cwd: string,
  file: string,
  json: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      cwd,
      shell: true,
      stdio: ["pipe", "inherit", "inherit"],
      env: { ...process.env, KILN_INVALIDATE_FILE: file },
    });
    child.stdin.on("error", () => {}); // a command that ignores stdin may close it early
    child.stdin.end(json);
    child.on("error", (error) =>
      reject(
        new KilnError(
          catalog.DeployHookFailed({ command, status: `could not start: ${error.message}` }),
        ),
      ),
    );
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new KilnError(
            catalog.DeployHookFailed({
              command,
              status: signal ? `was killed by ${signal}` : `exited with ${code}`,
            }),
          ),
        );
    });
  });
}
