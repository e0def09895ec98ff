import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO } from "../helpers/build-fixture.js";
import { freePort } from "../helpers/nginx.js";

export interface WordpressSite {
  url: string;
  stop(): Promise<void>;
}

function run(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "bash",
      [path.join(REPO, "scripts/wordpress", script), ...args],
      { timeout: 120_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${script} failed: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
}

/**
 * A real WordPress from Debian's packages, on 127.0.0.1, installed and filled by
 * scripts/wordpress/start.sh (see fill.php for its posts). Each call gets its own.
 */
export async function startWordpress(): Promise<WordpressSite> {
  const state = await mkdtemp(path.join(tmpdir(), "kiln-wp-"));
  const port = await freePort();
  try {
    const url = (await run("start.sh", [state, String(port)])).trim().split("\n").at(-1)!;
    return { url, stop: () => run("stop.sh", [state]).then(() => undefined) };
  } catch (error) {
    await run("stop.sh", [state]).catch(() => undefined);
    throw error;
  }
}
