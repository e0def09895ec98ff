import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createStaging } from "../../src/build/staging.js";
import { startServer, type RunningServer } from "../../src/serve/index.js";

/** Pages of one version; enough files that removing the old version takes a while. */
async function writeVersion(outDir: string, n: number): Promise<void> {
  // Version folders are named by the millisecond: two in one would be one folder.
  const start = Date.now();
  while (Date.now() === start) await sleep(1);
  const staging = await createStaging(outDir, { warn: () => {} });
  await staging.write("index.html", `<h1>home ${n}</h1>`);
  await staging.write("a/index.html", `<h1>a ${n}</h1>`);
  await staging.write("404.html", `<h1>missing ${n}</h1>`);
  for (let i = 0; i < 300; i++) await staging.write(`filler/${i}/index.html`, `${n}`);
  await staging.commit();
}

/**
 * `kiln serve` while builds swap the output (issue 24: 23 of 15,831 requests were 404s): each
 * request reads one version of the output, so every request for an existing page is a 200,
 * whichever version answers it. Bounded in swaps and requests, not time.
 */
describe("kiln serve while the output is swapped", { timeout: 120_000 }, () => {
  let root: string;
  let outDir: string;
  let server: RunningServer;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), "kiln-swaps-"));
    outDir = path.join(root, "dist");
    await writeVersion(outDir, 0);
    server = await startServer({ root: outDir, port: 0 });
  });
  after(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("answers every request for an existing page with that page, during 30 swaps", async () => {
    let swapping = true;
    const swaps = (async () => {
      for (let n = 1; n <= 30; n++) await writeVersion(outDir, n);
      swapping = false;
    })();
    const failures: string[] = [];
    let requests = 0;
    const client = async () => {
      while (swapping && requests < 20_000) {
        requests++;
        const url = requests % 2 === 0 ? "a/" : "";
        const response = await fetch(server.url + url);
        const body = await response.text();
        if (response.status !== 200 || !/<h1>(home|a) \d+<\/h1>/.test(body))
          failures.push(`/${url}: ${response.status} ${body}`);
      }
    };
    await Promise.all([swaps, client(), client(), client(), client()]);
    assert.ok(requests > 100, `only ${requests} requests`);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${requests} failed`);
  });
});
