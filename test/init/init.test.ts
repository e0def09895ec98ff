import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { after, before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { askInitOptions } from "../../src/cli/run-init.js";
import { KilnError } from "../../src/errors/index.js";
import { TEMPLATE_NAMES, initProject, packageName } from "../../src/init/index.js";
import { REPO, runKiln } from "../helpers/build-fixture.js";

describe("kiln init", () => {
  let temp: string;
  before(async () => {
    temp = await mkdtemp(path.join(tmpdir(), "kiln-init-"));
  });
  after(() => rm(temp, { recursive: true, force: true }));

  it("writes each template as a project that builds, with its package.json and .gitignore", async () => {
    const kiln = JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as {
      version: string;
    };
    for (const template of TEMPLATE_NAMES) {
      const dir = path.join(temp, `new ${template}`);
      const result = await runKiln(["init", dir, "--template", template]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Next:\n {2}cd "[^"]+"\n {2}npm install\n {2}npx kiln dev\n/);
      const files = await readdir(dir, { recursive: true });
      for (const expected of ["package.json", ".gitignore", "README.md", "tsconfig.json"])
        assert.ok(files.includes(expected), `${template}: ${expected} missing`);
      assert.ok(
        !files.some((f) => /(^|\/)(dist|\.kiln|node_modules)(\/|$)|\.dist\.kiln-/.test(f)),
        `${template}: build leftovers copied: ${files.join(", ")}`,
      );
      if (template !== "minimal") assert.ok(files.includes(path.join("src", "env.d.ts")));
      const pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as {
        name: string;
        dependencies: Record<string, string>;
      };
      assert.equal(pkg.name, `new-${template}`);
      // Run from the checkout, the project depends on the checkout: kiln-ssg is not published
      // yet, so `^${kiln.version}` would fail `npm install` with a 404 (issue 23).
      assert.equal(pkg.dependencies["kiln-ssg"], `file:${REPO.replace(/[\\/]$/, "")}`);
      assert.ok(kiln.version);
      const ignored = (await readFile(path.join(dir, ".gitignore"), "utf8")).split("\n");
      for (const entry of ["dist", ".kiln", ".dist.kiln-out-*", ".kiln-build.lock", "node_modules"])
        assert.ok(ignored.includes(entry), `.gitignore lacks ${entry}`);

      // Outside the repository; Kiln binds "kiln-ssg" imports to itself wherever the project is.
      const built = await runKiln(["build", dir]);
      assert.equal(built.code, 0, built.stderr);
      const home = parse(await readFile(path.join(dir, "dist/index.html"), "utf8"));
      assert.ok(home.querySelector("h1"), `${template}: the home page has no heading`);
    }
  });

  it("refuses a folder that is not empty, names what is there, and writes nothing", async () => {
    const dir = path.join(temp, "taken");
    await mkdir(dir);
    await writeFile(path.join(dir, "notes.txt"), "mine");
    const result = await runKiln(["init", dir, "--template", "minimal"]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error KILN_INIT_NOT_EMPTY: .*taken is not empty \(it has notes\.txt\)/,
    );
    assert.match(result.stderr, /--force/);
    assert.deepEqual(await readdir(dir), ["notes.txt"]);
    assert.deepEqual(
      (await readdir(temp)).filter((name) => name.includes("kiln-init")),
      [],
      "a staging folder was left behind",
    );
  });

  it("with --force writes the template over a folder and keeps the other files", async () => {
    const dir = path.join(temp, "forced");
    await mkdir(dir);
    await writeFile(path.join(dir, "notes.txt"), "mine");
    await writeFile(path.join(dir, "README.md"), "old");
    const result = await runKiln(["init", dir, "--template", "minimal", "--force"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(await readFile(path.join(dir, "notes.txt"), "utf8"), "mine");
    assert.match(await readFile(path.join(dir, "README.md"), "utf8"), /^# A Kiln site/);
  });

  it("a folder with only .git counts as empty; a file is refused", async () => {
    const dir = path.join(temp, "repo");
    await mkdir(path.join(dir, ".git"), { recursive: true });
    await initProject({ dir, template: "minimal" });
    assert.ok((await readdir(dir)).includes("kiln.config.ts"));
    const file = path.join(temp, "a-file");
    await writeFile(file, "");
    await assert.rejects(initProject({ dir: file, template: "minimal" }), (error) => {
      assert.ok(KilnError.is(error));
      assert.equal(error.code, "KILN_INIT_NOT_FOLDER");
      return true;
    });
  });

  it("kiln init --template in the current empty folder writes there, keeping the folder itself", async () => {
    const dir = path.join(temp, "here");
    await mkdir(dir);
    const before = await stat(dir);
    const result = await runKiln(["init", "--template", "minimal"], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Created this folder from the minimal template/);
    assert.doesNotMatch(result.stdout, /\bcd /);
    assert.equal((await stat(dir)).ino, before.ino, "the shell's folder was replaced");
    assert.ok((await readdir(dir)).includes("kiln.config.ts"));
  });

  it("refuses an unknown template with the list of templates", async () => {
    const dir = path.join(temp, "unknown");
    const result = await runKiln(["init", dir, "--template", "portfolio"]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error KILN_INIT_TEMPLATE: There is no template "portfolio"; the templates are blog, docs, minimal\./,
    );
    assert.deepEqual(
      (await readdir(temp)).filter((name) => name.includes("unknown")),
      [],
    );
  });

  it("off a terminal, says which flags it needs instead of asking", async () => {
    for (const args of [["init"], ["init", path.join(temp, "no-template")]]) {
      const result = await runKiln(args, { cwd: temp });
      assert.equal(result.code, 1, args.join(" "));
      assert.match(result.stderr, /^error KILN_INIT_FLAGS: .*--template must be given/);
      assert.match(result.stderr, /kiln init my-site --template blog/);
    }
    assert.deepEqual(await readdir(path.join(temp)).then((n) => n.includes("no-template")), false);
  });

  it("on a terminal, asks for the folder and the template, Enter taking the defaults", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    output.on("data", (chunk: Buffer) => (shown += chunk.toString()));
    const answers = askInitOptions({ dir: undefined, template: undefined }, { input, output });
    // Both answers at once, as when typed ahead or piped: neither is lost.
    input.write("my-docs\ndocs\nhttps://docs.example.org\n");
    assert.deepEqual(await answers, {
      dir: "my-docs",
      template: "docs",
      url: "https://docs.example.org",
    });
    assert.match(shown, /Site URL/);
    assert.match(shown, /Project folder \(my-site\): /);
    assert.match(shown, /blog +posts with tags/);

    const defaults = new PassThrough();
    const taken = askInitOptions(
      { dir: undefined, template: undefined },
      {
        input: defaults,
        output: new PassThrough(),
      },
    );
    defaults.write("\n\n\n");
    assert.deepEqual(await taken, { dir: "my-site", template: "blog", url: "" });

    const ended = new PassThrough();
    const left = askInitOptions(
      { dir: undefined, template: undefined },
      {
        input: ended,
        output: new PassThrough(),
      },
    );
    ended.end();
    assert.equal(await left, undefined, "the input ending stops init instead of hanging");
  });

  it("starts in a folder holding only package.json and node_modules, merging package.json", async () => {
    const dir = path.join(temp, "npm-first");
    await mkdir(path.join(dir, "node_modules"), { recursive: true });
    const own = {
      name: "my-own-name",
      scripts: { lint: "eslint ." },
      dependencies: { "kiln-ssg": "file:../kiln-ssg-0.1.0.tgz" },
    };
    await writeFile(path.join(dir, "package.json"), JSON.stringify(own));
    for (const args of [[], ["--force"]]) {
      const result = await runKiln(["init", dir, "--template", "minimal", ...args]);
      assert.equal(result.code, 0, result.stderr);
      const pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as {
        name: string;
        scripts: Record<string, string>;
        dependencies: Record<string, string>;
      };
      assert.equal(pkg.name, "my-own-name");
      assert.equal(pkg.dependencies["kiln-ssg"], "file:../kiln-ssg-0.1.0.tgz");
      assert.ok(pkg.dependencies["preact"]);
      assert.equal(pkg.scripts["lint"], "eslint .");
      assert.equal(pkg.scripts["build"], "kiln build");
    }
    assert.ok((await readdir(dir)).includes("node_modules"));
  });

  it("--url sets site.url in the starter's config; without it, says to set it later", async () => {
    for (const template of ["docs", "blog"]) {
      const dir = path.join(temp, `with-url-${template}`);
      const result = await runKiln([
        "init",
        dir,
        "--template",
        template,
        "--url",
        "https://my.example",
      ]);
      assert.equal(result.code, 0, result.stderr);
      const config = await readFile(path.join(dir, "kiln.config.ts"), "utf8");
      assert.match(config, /site: \{\n\s+url: "https:\/\/my\.example",/);
      assert.equal(config.match(/url: "/g)?.length, 1, config);
    }
    const bad = await runKiln([
      "init",
      path.join(temp, "bad-url"),
      "--template",
      "docs",
      "--url",
      "my.example",
    ]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--url "my\.example" is not an http\(s\) address/);
    const none = await runKiln(["init", path.join(temp, "no-url"), "--template", "docs"]);
    assert.match(none.stdout, /set site\.url in kiln\.config\.ts/);
  });

  it("names the package after the folder, as npm allows", () => {
    assert.equal(packageName("My Site"), "my-site");
    assert.equal(packageName(".hidden_thing"), "hidden_thing");
    assert.equal(packageName("日本"), "my-site");
  });
});
