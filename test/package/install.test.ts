import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { REPO } from "../helpers/build-fixture.js";
import { axeViolations, lighthouseReports } from "../helpers/audit.js";
import { launchBrowser } from "../helpers/browser.js";
import { startNginx } from "../helpers/nginx.js";

// What a user does with the published package, in a folder that has nothing but the
// tarball: `npm pack`, `npm install ./kiln-ssg-*.tgz`, `npx kiln …`. Kiln's own repository
// (its node_modules, its source) must play no part, except the TypeScript compiler.

const TSC = path.join(REPO, "node_modules/typescript/bin/tsc");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** One command, bounded in time; npm's own variables from `npm test` are not passed on. */
function run(command: string, args: string[], cwd: string, timeout = 180_000): Promise<Run> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_")),
  );
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { ...env, CI: "true" }, timeout, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function ok(command: string, args: string[], cwd: string): Promise<Run> {
  const result = await run(command, args, cwd);
  assert.equal(result.code, 0, `${command} ${args.join(" ")} in ${cwd}:\n${result.stderr}`);
  return result;
}

/** Runs `kiln dev` from the project's node_modules, gives its URL to `use`, then stops it. */
async function withDevServer<T>(cwd: string, use: (url: string) => Promise<T>): Promise<T> {
  const child = spawn(path.join(cwd, "node_modules/.bin/kiln"), ["dev", "--port", "0"], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`kiln dev did not start:\n${out}`)), 60_000);
      const read = (chunk: Buffer) => {
        out += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (found) {
          clearTimeout(timer);
          resolve(found[0]);
        }
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.once("exit", () => reject(new Error(`kiln dev exited:\n${out}`)));
    });
    return await use(url);
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

/** A word of one page of each starter, and that page's title. */
const SEARCHES: Record<string, { word: string; title: string }> = {
  docs: { word: "repository", title: "Configuring the docs" },
  blog: { word: "credentials", title: "Content from APIs" },
};

/**
 * A new project's site as its readers get it: served by nginx with the headers Kiln wrote,
 * axe-core finds nothing on any page, Lighthouse scores the home page and the search page 100
 * in all four categories, and search finds a word of a page.
 */
async function auditInBrowser(dist: string, search: { word: string; title: string }) {
  const nginx = await startNginx(dist, `include ${path.join(dist, "_headers.nginx.conf")};`);
  const chromium = await launchBrowser();
  try {
    const pages = (await readdir(dist, { recursive: true }))
      .filter((file) => file.endsWith(".html"))
      .map((file) => file.split(path.sep).join("/"))
      .sort();
    const inaccessible: string[] = [];
    for (const file of pages) {
      // A redirect's page leaves at once for the page it names, which is checked itself.
      if ((await readFile(path.join(dist, file), "utf8")).includes('http-equiv="refresh"'))
        continue;
      const page = await chromium.context.newPage();
      await page.goto(`${nginx.url}${file.replace(/(^|\/)index\.html$/, "$1")}`);
      inaccessible.push(...(await axeViolations(page)).map((v) => `${file}: ${v}`));
      await page.close();
    }
    assert.deepEqual(inaccessible, []);
    const page = await chromium.context.newPage();
    await page.goto(`${nginx.url}search/`, { waitUntil: "networkidle" });
    await page.locator('input[type="search"]').fill(search.word);
    await page.locator(".search-results li", { hasText: search.title }).first().waitFor({
      timeout: 10_000,
    });
    await page.close();
    for (const report of await lighthouseReports([nginx.url, `${nginx.url}search/`])) {
      // The audits that do not depend on time; the performance score is the bench's.
      assert.deepEqual(report.timeless, [], report.failing.join("; "));
    }
  } finally {
    await chromium.close();
    await nginx.close();
  }
}

const NPM_INSTALL = ["install", "--no-audit", "--no-fund", "--prefer-offline"];

describe("the packed package", { timeout: 900_000 }, () => {
  let temp: string;
  let tarball: string;
  /** A folder with the tarball installed, where `npx kiln` is the packed one. */
  let app: string;

  before(async () => {
    // `npm test` builds lib/ first; packing without scripts leaves it alone for the
    // tests running beside this one.
    assert.ok(existsSync(path.join(REPO, "lib/index.js")), "run `npm run build` first");
    temp = await mkdtemp(path.join(tmpdir(), "kiln-package-"));
    const packed = await ok(
      "npm",
      ["pack", "--ignore-scripts", "--json", "--pack-destination", temp],
      REPO,
    );
    const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    tarball = path.join(temp, info.filename);
    const files = info.files.map((file) => file.path);
    assert.ok(files.includes("bin/kiln.js"));
    assert.ok(files.includes("lib/index.d.ts"));
    assert.ok(!files.some((file) => /^(src|test|bench|node_modules)\//.test(file)), "no sources");
    // npm publish "corrects" a package.json it finds wrong, dropping a bin it cannot take.
    const publish = await ok("npm", ["publish", "--dry-run", "--ignore-scripts"], REPO);
    assert.doesNotMatch(publish.stderr, /auto-corrected|invalid and removed/);
  });

  after(async () => {
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  it("installs into an empty folder and builds a site that imports kiln-ssg, types included", async () => {
    app = path.join(temp, "app");
    await mkdir(path.join(app, "src/pages"), { recursive: true });
    await writeFile(
      path.join(app, "package.json"),
      JSON.stringify({ name: "app", private: true, type: "module" }),
    );
    await ok("npm", [...NPM_INSTALL, tarball], app);
    const installed = JSON.parse(
      await readFile(path.join(app, "node_modules/kiln-ssg/package.json"), "utf8"),
    ) as { name: string };
    assert.equal(installed.name, "kiln-ssg");
    // Dev dependencies stay out of a user's install.
    for (const dev of ["typescript", "eslint", "tsx", "playwright-core"])
      assert.ok(!existsSync(path.join(app, "node_modules", dev)), `${dev} was installed`);

    await writeFile(
      path.join(app, "src/pages/index.tsx"),
      [
        `import { Head, type PageProps } from "kiln-ssg";`,
        `export default function Home({ url }: PageProps) {`,
        `  return (<><Head><title>Home</title></Head><h1>Hello from {url}</h1></>);`,
        `}`,
        ``,
      ].join("\n"),
    );
    await writeFile(path.join(app, "src/pages/about.md"), "---\ntitle: About\n---\n# About *us*\n");
    const built = await ok("npx", ["--no-install", "kiln", "build"], app);
    assert.match(built.stdout, /^Built 2 pages/);
    const home = parse(await readFile(path.join(app, "dist/index.html"), "utf8"));
    assert.equal(home.querySelector("title")?.text, "Home");
    assert.equal(home.querySelector("h1")?.text, "Hello from /");
    const about = parse(await readFile(path.join(app, "dist/about/index.html"), "utf8"));
    assert.equal(about.querySelector("h1 em")?.text, "us");

    // The library's types resolve from the installed package: a good page checks, a wrong
    // use of the API is an error.
    await writeFile(
      path.join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          jsx: "react-jsx",
          jsxImportSource: "preact",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        include: ["src"],
      }),
    );
    await ok(process.execPath, [TSC, "-p", "."], app);
    await writeFile(
      path.join(app, "src/wrong.ts"),
      `import { getCollection } from "kiln-ssg";\nexport const n: number = getCollection;\n`,
    );
    const wrong = await run(process.execPath, [TSC, "-p", "."], app);
    assert.equal(wrong.code, 2, wrong.stdout);
    assert.match(wrong.stdout, /src\/wrong\.ts.*TS2322/);
  });

  for (const template of ["blog", "docs", "minimal"]) {
    it(`kiln init --template ${template} from the package gives a project that installs, builds and type-checks`, async (t) => {
      if (!app) return t.skip("the package did not install");
      const init = await ok(
        "npx",
        ["--no-install", "kiln", "init", template, "--template", template],
        app,
      );
      assert.match(init.stdout, new RegExp(`cd ${template}\n  npm install\n  npx kiln dev`));
      const site = path.join(app, template);
      // `npm install <tarball>` stands for the registry: the project depends on kiln-ssg ^x.y.z.
      await ok("npm", [...NPM_INSTALL, tarball], site);
      const pkg = JSON.parse(await readFile(path.join(site, "package.json"), "utf8")) as {
        dependencies: Record<string, string>;
      };
      assert.match(pkg.dependencies["kiln-ssg"] ?? "", /kiln-ssg-.*\.tgz$/);
      const built = await ok("npx", ["--no-install", "kiln", "build"], site);
      assert.match(built.stdout, /^Built \d+ pages/);
      assert.ok(
        parse(await readFile(path.join(site, "dist/index.html"), "utf8")).querySelector("h1"),
      );
      if (template in SEARCHES) await auditInBrowser(path.join(site, "dist"), SEARCHES[template]!);
      // The project's own TypeScript, from its devDependencies, checks its pages and config.
      await ok("npm", ["run", "check"], site);
      // And `npx kiln dev` serves it (port 0: the OS picks a free one).
      const home = await withDevServer(site, (url) => fetch(url).then((r) => r.text()));
      assert.ok(parse(home).querySelector("h1"), `dev served no page:\n${home}`);
    });
  }
});
