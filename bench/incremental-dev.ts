/**
 * Incremental build and dev-server timings on the shared benchmark corpus:
 *   node --import tsx bench/incremental-dev.ts [N=10000] [corpus script]
 * Builds a project of N posts (one page each, a trivial page component) and measures, with
 * the real CLI: a cold build, a rebuild with no change, a rebuild after editing one post,
 * and in `kiln dev` the time from saving a post to that post's new text being served.
 * Run `npm run build` first. Prints one JSON object.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const KILN = path.join(REPO, "bin/kiln.js");
const N = Number(process.argv[2] ?? 10_000);
const CORPUS = process.argv[3] ?? "/work/shared/bench/gen-corpus.mjs";

const PAGE = `import { Head, getCollection, renderEntry, type Entry, type PageProps } from "kiln-ssg";

export function paths() {
  return getCollection("posts").map((post) => ({ params: { slug: post.id }, props: { post } }));
}

export default function Post({ post }: PageProps<{ post: Entry<{ title: string }> }>) {
  return (
    <>
      <Head><title>{post.data.title}</title></Head>
      <h1>{post.data.title}</h1>
      <div dangerouslySetInnerHTML={{ __html: renderEntry(post).html }} />
    </>
  );
}
`;

/** Wall seconds, and CPU seconds (user + system, children included) where GNU time exists. */
function time(args: string[]): { wall: number; cpu: number | undefined } {
  const started = performance.now();
  const timed = existsSync("/usr/bin/time");
  const [command, argv] = timed
    ? ["/usr/bin/time", ["-f", "cpu %U %S", process.execPath, KILN, ...args]]
    : [process.execPath, [KILN, ...args]];
  const result = spawnSync(command, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`kiln ${args.join(" ")} failed:\n${result.stderr}`);
  const wall = (performance.now() - started) / 1000;
  const match = /cpu ([\d.]+) ([\d.]+)/.exec(result.stderr);
  return { wall, cpu: match ? Number(match[1]) + Number(match[2]) : undefined };
}

function get(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path: target }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c: string) => (body += c));
      res.on("end", () => resolve(body));
    })
      .on("error", reject)
      .end();
  });
}

async function measureDev(root: string, post: string, url: string): Promise<number[]> {
  const child = spawn(process.execPath, [KILN, "dev", root, "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve) => {
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      out += c;
      const match = /:(\d+)\/ \(Ctrl-C/.exec(out);
      if (match) resolve(Number(match[1]));
    });
  });
  const times: number[] = [];
  try {
    await get(port, url);
    const original = await readFile(post, "utf8");
    for (let i = 0; i < 5; i++) {
      const marker = `dev-edit-marker-${i}-${Date.now()}`;
      const started = performance.now();
      await writeFile(post, `${original}\n${marker}\n`);
      for (;;) {
        if ((await get(port, url)).includes(marker)) break;
        if (performance.now() - started > 60_000) throw new Error("the edit never showed");
      }
      times.push(Math.round(performance.now() - started));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await writeFile(post, original);
  } finally {
    child.kill("SIGTERM");
  }
  return times;
}

const root = await mkdtemp(path.join(tmpdir(), "kiln-bench-"));
try {
  execFileSync(process.execPath, [CORPUS, path.join(root, "src/content"), String(N)]);
  await mkdir(path.join(root, "src/pages/posts"), { recursive: true });
  await writeFile(path.join(root, "src/pages/posts/[slug].tsx"), PAGE);
  const cold = time(["build", root]);
  const noChange = time(["build", root]);
  const id = `post-${String(Math.ceil(N / 2)).padStart(5, "0")}`;
  const post = path.join(root, "src/content/posts", `${id}.md`);
  await writeFile(post, `${await readFile(post, "utf8")}\nOne edited line.\n`);
  const oneEdit = time(["build", root]);
  await rm(path.join(root, ".kiln"), { recursive: true, force: true });
  const coldAgain = time(["build", root]);
  const dev = existsSync(post) ? await measureDev(root, post, `/posts/${id}/`) : [];
  const sorted = [...dev].sort((a, b) => a - b);
  const round = (n: number | undefined) => (n === undefined ? undefined : +n.toFixed(2));
  const share = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : +(a / b).toFixed(3);
  console.log(
    JSON.stringify(
      {
        posts: N,
        wallSeconds: {
          cold: round(cold.wall),
          coldAgain: round(coldAgain.wall),
          noChange: round(noChange.wall),
          oneEdit: round(oneEdit.wall),
        },
        cpuSeconds: {
          cold: round(cold.cpu),
          coldAgain: round(coldAgain.cpu),
          noChange: round(noChange.cpu),
          oneEdit: round(oneEdit.cpu),
        },
        noChangeShareOfCold: {
          wall: share(noChange.wall, cold.wall),
          cpu: share(noChange.cpu, cold.cpu),
        },
        oneEditShareOfCold: {
          wall: share(oneEdit.wall, cold.wall),
          cpu: share(oneEdit.cpu, cold.cpu),
        },
        loadAverage: os.loadavg().map((n) => +n.toFixed(1)),
        devEditToServedMs: dev,
        devEditToServedMedianMs: sorted[Math.floor(sorted.length / 2)],
      },
      null,
      2,
    ),
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
