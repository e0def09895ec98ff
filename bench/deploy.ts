/**
 * `node --openssl-legacy-provider --import tsx bench/deploy.ts [pages]` (the flag: s3rver's
 * listing of more than 1,000 keys needs DES, see test/helpers/s3-server.ts): `kiln deploy` of a generated site (bench's
 * corpus, one page per post) to s3rver on 127.0.0.1: a first deploy, a one-post edit, a
 * no-change deploy; then cold builds of examples/blog with and without a warm remote cache.
 * Prints one line per step (time, files, bytes). Not part of `npm run bench`.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { configureBucket, S3_ENV, startS3Server } from "../test/helpers/s3-server.js";
import { prepareSite } from "./sites.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const kiln = path.join(repo, "bin/kiln.js");
const pages = Number(process.argv[2] ?? 10_000);
const scratch = mkdtempSync(path.join(tmpdir(), "kiln-bench-deploy-"));
// Asynchronous: s3rver answers from this process's event loop.
const run = async (args: string[]) => {
  const started = performance.now();
  const { stdout: out } = await promisify(execFile)(process.execPath, [kiln, ...args], {
    env: { ...process.env, ...S3_ENV, CI: "true" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { seconds: (performance.now() - started) / 1000, out: out.trim().split("\n") };
};

console.log(
  `load before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
const s3 = await startS3Server(["bench", "cache"]);
try {
  const corpus = path.join(scratch, "corpus");
  execFileSync(process.execPath, [
    path.join(repo, "bench/vendor/gen-corpus.mjs"),
    corpus,
    String(pages),
  ]);
  const site = path.join(scratch, "site");
  prepareSite("kiln", corpus, site, { mode: "defaults", shape: "collection" });
  await configureBucket(site, s3.endpoint, { deploy: "bench", extra: "concurrency: 32," });
  const built = await run(["build", site]);
  console.log(`build ${pages} pages: ${built.seconds.toFixed(1)}s · ${built.out.at(-1)}`);
  const summary = (label: string, result: Awaited<ReturnType<typeof run>>) =>
    console.log(
      `${label}: ${result.seconds.toFixed(2)}s wall · ${result.out.find((l) => l.startsWith("Uploaded"))}`,
    );
  summary("first deploy", await run(["deploy", site]));
  appendFileSync(path.join(site, "src/content/posts/post-00042.md"), "\nOne edited paragraph.\n");
  await run(["build", site]);
  summary("one-post edit", await run(["deploy", site]));
  summary("no-change deploy", await run(["deploy", site]));

  const blog = (name: string, cache: boolean) => {
    const root = path.join(scratch, name);
    cpSync(path.join(repo, "examples/blog"), root, {
      recursive: true,
      filter: (f) => !/[\\/](dist|\.kiln|node_modules)$/.test(f),
    });
    return cache ? configureBucket(root, s3.endpoint, { cache: "cache" }).then(() => root) : root;
  };
  await run(["build", await blog("blog-fill", true)]);
  const warm = await run(["build", await blog("blog-warm", true)]);
  const cold = await run(["build", await blog("blog-cold", false)]);
  console.log(
    `examples/blog cold build, fresh clone, warm remote cache: ${warm.seconds.toFixed(2)}s · ${warm.out.at(-1)}`,
  );
  console.log(
    `examples/blog cold build, fresh clone, no remote cache: ${cold.seconds.toFixed(2)}s · ${cold.out.at(-1)}`,
  );
  const same = readFileSync(path.join(scratch, "blog-warm/dist/index.html")).equals(
    readFileSync(path.join(scratch, "blog-cold/dist/index.html")),
  );
  console.log(`same index.html: ${same}`);
} finally {
  await s3.close();
  rmSync(scratch, { recursive: true, force: true });
  console.log(
    `load after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}
