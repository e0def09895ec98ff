import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { REPO } from "../helpers/build-fixture.js";

const run = promisify(execFile);

/** A command that must succeed, bounded in time. */
async function ok(command: string, args: string[], cwd: string) {
  return run(command, args, { cwd, timeout: 300_000, env: { ...process.env, CI: "true" } });
}

// Issue 23, points 1, 2 and 8, from a packed tarball in an empty folder: what the README's
// "Start a site" describes for a folder where `npm install <tarball>` ran first.
describe("the packed package for a newcomer", { timeout: 600_000 }, () => {
  let temp: string;
  let tarball: string;
  let files: string[];

  before(async () => {
    assert.ok(existsSync(path.join(REPO, "lib/index.js")), "run `npm run build` first");
    temp = await mkdtemp(path.join(tmpdir(), "kiln-newcomer-"));
    // Without scripts: prepack would rebuild lib/ under the tests running beside this one.
    const packed = await ok(
      "npm",
      ["pack", "--ignore-scripts", "--json", "--pack-destination", temp],
      REPO,
    );
    const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    tarball = path.join(temp, info.filename);
    files = info.files.map((file) => file.path);
  });

  after(async () => {
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  it("runs no build at install (no prepare script) and ships the error reference it links", async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    assert.equal(pkg.scripts["prepare"], undefined);
    assert.match(pkg.scripts["prepack"] ?? "", /tsc/);
    assert.ok(files.includes("docs/src/content/docs/errors.md"), files.join(", "));
  });

  it("kiln init starts in the folder that holds the installed tarball, keeping its dependency", async () => {
    const site = path.join(temp, "site");
    await mkdir(site);
    await ok("npm", ["init", "-y"], site);
    await ok("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], site);
    const before = JSON.parse(await readFile(path.join(site, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const init = await ok(
      "npx",
      ["--no-install", "kiln", "init", ".", "--template", "docs", "--url", "https://docs.example"],
      site,
    );
    assert.match(init.stdout, /Created this folder from the docs template/);
    const pkg = JSON.parse(await readFile(path.join(site, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    assert.equal(pkg.dependencies["kiln-ssg"], before.dependencies["kiln-ssg"]);
    assert.ok(pkg.dependencies["preact"]);
    assert.equal(pkg.scripts["build"], "kiln build");
    await ok("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], site);
    const built = await ok("npx", ["--no-install", "kiln", "build"], site);
    assert.match(built.stdout, /^Built \d+ pages/);
    assert.doesNotMatch(built.stderr, /no site\.url/);
    assert.ok((await readdir(path.join(site, "dist"))).includes("sitemap.xml"));
  });
});
