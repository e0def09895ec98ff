/**
 * The cost of `search: true` on a generated site, and what a reader's browser pays for a
 * query. Not a test.
 *
 *   node --import tsx bench/search.ts --size 10000
 *
 * Builds the bench corpus (one page per post) cold without and with search, sums the index
 * and library bytes in `dist/pagefind/`, serves the output with nginx (test/helpers/nginx.ts)
 * and, in Chromium, opens a search page with the docs starter's island, types a word and
 * counts the bytes fetched and the time until the first result shows.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { launchBrowser } from "../test/helpers/browser.js";
import { startNginx } from "../test/helpers/nginx.js";

const repo = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    size: { type: "string", default: "1000" },
    scratch: { type: "string", default: path.join(os.tmpdir(), "kiln-search-bench") },
    corpora: { type: "string", default: path.join(os.tmpdir(), "kiln-bench") },
    words: { type: "string", default: "pipeline,brotli" },
    /**
     * `bench`: the bench corpus (a 300-word vocabulary: every word on ~93% of pages, the worst
     * case for an index). `prose`: pages of 250 words of real English, cut in order from the
     * READMEs in node_modules/ (reused from the start when they run out).
     */
    corpus: { type: "string", default: "bench" },
    /** Reuse the site built by the last run: measure the browser side only. */
    "skip-build": { type: "boolean", default: false },
  },
});
const size = Number(values.size);
const prose = values.corpus === "prose";
const corpus = path.join(values.corpora, prose ? `corpus-prose-${size}` : `corpus-${size}`);
if (prose && !existsSync(path.join(corpus, "posts"))) writeProse(corpus, size);
if (!existsSync(path.join(corpus, "posts"))) {
  execFileSync(
    process.execPath,
    [path.join(repo, "bench/vendor/gen-corpus.mjs"), corpus, String(size)],
    {
      stdio: "inherit",
    },
  );
}

const site = path.join(values.scratch, `site-${values.corpus}-${size}`);
const POST = `import { Head, getCollection, renderEntry, type Entry } from "kiln-ssg";

export function paths() {
  return getCollection("posts").map((post) => ({ params: { slug: post.id }, props: { post } }));
}

export default function Post({ post }: { post: Entry<{ title: string }> }) {
  return (
    <>
      <Head>
        <title>{post.data.title}</title>
      </Head>
      <main data-pagefind-body>
        <h1>{post.data.title}</h1>
        <div dangerouslySetInnerHTML={{ __html: renderEntry(post).html }} />
      </main>
    </>
  );
}
`;
const SEARCH = `import { Head, Island } from "kiln-ssg";
import Search from "../islands/Search";

export default function SearchPage() {
  return (
    <>
      <Head>
        <title>Search</title>
      </Head>
      <main>
        <h1>Search</h1>
        <Island hydrate="load">
          <Search label="Search the posts" />
        </Island>
      </main>
    </>
  );
}
`;
const config = (search: boolean) => `import { defineConfig } from "kiln-ssg";

export default defineConfig({
  site: { title: "Bench" },
  markdown: { highlight: false },
  checks: { links: false, a11y: false },
  search: ${search},
});
`;

if (!existsSync(path.join(site, "src/content/posts"))) {
  mkdirSync(path.join(site, "src/pages/posts"), { recursive: true });
  mkdirSync(path.join(site, "src/islands"), { recursive: true });
  cpSync(path.join(corpus, "posts"), path.join(site, "src/content/posts"), { recursive: true });
}
writeFileSync(path.join(site, "src/pages/posts/[slug].tsx"), POST);
writeFileSync(path.join(site, "src/pages/search.tsx"), SEARCH);
cpSync(
  path.join(repo, "examples/docs/src/islands/Search.tsx"),
  path.join(site, "src/islands/Search.tsx"),
);

function coldBuild(search: boolean): number {
  writeFileSync(path.join(site, "kiln.config.ts"), config(search));
  for (const name of readdirSync(site))
    if (name === "dist" || name === ".kiln" || name.startsWith(".dist"))
      rmSync(path.join(site, name), { recursive: true, force: true });
  const started = performance.now();
  execFileSync(process.execPath, [path.join(repo, "bin/kiln.js"), "build", site], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  return (performance.now() - started) / 1000;
}

const without = values["skip-build"] ? NaN : coldBuild(false);
const withSearch = values["skip-build"] ? NaN : coldBuild(true);

const dist = path.join(site, "dist");
const groups = { library: 0, index: 0, fragments: 0 };
let files = 0;
function walk(dir: string) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else {
      files++;
      const bytes = statSync(file).size;
      if (file.includes(`${path.sep}fragment${path.sep}`)) groups.fragments += bytes;
      else if (/pagefind(-worker)?\.js$|wasm\./.test(name)) groups.library += bytes;
      else groups.index += bytes;
    }
  }
}
walk(path.join(dist, "pagefind"));
const gz = (name: string) => gzipSync(readFileSync(path.join(dist, "pagefind", name))).length;

const nginx = await startNginx(dist, `include ${path.join(dist, "_headers.nginx.conf")};`);
const chromium = await launchBrowser();
try {
  const page = await chromium.context.newPage();
  const fetched: { url: string; bytes: number }[] = [];
  page.on("requestfinished", (request) => {
    void request.sizes().then((sizes) =>
      fetched.push({
        url: request.url(),
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      }),
    );
  });
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${nginx.url}search/`, { waitUntil: "networkidle" });
  await page.waitForSelector(".search[data-ready]");
  const scripts = fetched.filter((f) => f.url.endsWith(".js")).reduce((sum, f) => sum + f.bytes, 0);
  console.log(
    `search page: ${fetched.length} requests; scripts (runtime, island, Preact) ${scripts} B`,
  );
  await page.focus("#search-input");
  for (const word of values.words.split(",")) {
    const before = fetched.length;
    await page.evaluate(() => {
      (window as unknown as { __t: number }).__t = performance.now();
    });
    await page.keyboard.press("Control+A");
    await page.keyboard.type(word);
    await page.waitForFunction(
      (w) =>
        document.querySelector(".search-results li p mark")?.textContent?.toLowerCase().includes(w),
      word,
      { timeout: 60_000 },
    );
    const ms = await page.evaluate(
      () => performance.now() - (window as unknown as { __t: number }).__t,
    );
    await page.waitForLoadState("networkidle");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const query = fetched.slice(before);
    const bytes = query.reduce((sum, f) => sum + f.bytes, 0);
    const status = await page.locator("#search-status").innerText();
    console.log(
      `query "${word}": ${status} first result shown after ${ms.toFixed(0)} ms (typing included); ${query.length} requests, ${bytes} B:`,
    );
    for (const f of query) console.log(`  ${f.bytes} B ${f.url.slice(nginx.url.length)}`);
  }
  // The library's own time for a query and the data of the results shown, without typing
  // or the island's pause: once with a word not searched yet, then the same word again.
  // A string, not a function: tsx would add helpers the page does not have.
  const timing = await page.evaluate<{ cold: number; warm: number }>(`(async () => {
    const pagefind = await import("${nginx.url}pagefind/pagefind.js");
    const run = async (word) => {
      const started = performance.now();
      const found = await pagefind.search(word);
      await Promise.all(found.results.slice(0, 8).map((result) => result.data()));
      return performance.now() - started;
    };
    return { cold: await run("checks"), warm: await run("checks") };
  })()`);
  console.log(
    `pagefind.search + 8 results' data: new word ${timing.cold.toFixed(0)} ms, same word again ${timing.warm.toFixed(0)} ms`,
  );
  console.log(`CSP messages in the console: ${violations.length}`);
} finally {
  await chromium.close();
  await nginx.close();
}
console.log(
  [
    `pages: ${size}`,
    `cold build without search: ${without.toFixed(1)} s; with: ${withSearch.toFixed(1)} s (+${(withSearch - without).toFixed(1)} s)`,
    `pagefind/: ${files} files; library ${groups.library} B (pagefind.js ${gz("pagefind.js")} B gzipped), index ${groups.index} B, fragments ${groups.fragments} B`,
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  ].join("\n"),
);

/** Real prose for the index: plain words only, so no README's markup or links can break a page. */
function writeProse(dir: string, pages: number): void {
  const readmes: string[] = [];
  (function walk(folder: string) {
    for (const name of readdirSync(folder).sort()) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith(".md") && statSync(file).size > 2048) readmes.push(file);
    }
  })(path.join(repo, "node_modules"));
  const words = readmes
    .flatMap((file) => readFileSync(file, "utf8").split(/\s+/))
    .filter((word) => /^[A-Za-z][A-Za-z'-]*[.,;:]?$/.test(word));
  mkdirSync(path.join(dir, "posts"), { recursive: true });
  for (let page = 0; page < pages; page++) {
    const text = Array.from({ length: 250 }, (_, i) => words[(page * 250 + i) % words.length]);
    const paragraphs = [0, 50, 100, 150, 200].map((at) => text.slice(at, at + 50).join(" "));
    const title = `Page ${page + 1}: ${text
      .slice(0, 4)
      .join(" ")
      .replace(/[^A-Za-z' -]/g, "")}`;
    const name = `post-${String(page + 1).padStart(5, "0")}.md`;
    writeFileSync(
      path.join(dir, "posts", name),
      `---\ntitle: ${JSON.stringify(title)}\n---\n\n${paragraphs.join("\n\n")}\n`,
    );
  }
}
