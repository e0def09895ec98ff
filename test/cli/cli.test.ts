import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { KILN_BIN, REPO, copyProject, runKiln } from "../helpers/build-fixture.js";
import { freePort } from "../helpers/nginx.js";

describe("kiln command", () => {
  it("prints help and its version", async () => {
    const help = await runKiln(["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: kiln <command>/);
    const version = await runKiln(["--version"]);
    const pkg = JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as {
      version: string;
    };
    assert.equal(version.stdout.trim(), pkg.version);
  });

  it("refuses an unknown command or flag with exit 1 and a hint", async () => {
    for (const args of [
      ["bild"],
      ["build", "--nope"],
      ["serve", ".", "--port", "x"],
      ["build", "a", "b"],
    ]) {
      const result = await runKiln(args);
      assert.equal(result.code, 1, args.join(" "));
      assert.match(result.stderr, /^error KILN_USAGE: /);
      assert.match(result.stderr, /hint: Run `kiln --help`/);
    }
  });

  it("names a project folder that does not exist", async () => {
    const result = await runKiln(["build", "/no/such/project"]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_ROOT_MISSING.*\/no\/such\/project/);
  });

  it("builds a project with no config and prints only the summary when not on a terminal", async () => {
    const project = await copyProject("basic-site");
    try {
      const result = await project.build();
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^Built 4 pages, 7 files, [\d.]+ (B|KB) in [\d.]+s → /);
      // Its only other line: the one notice of a site without site.url (issue 23).
      assert.match(result.stderr, /^warning: no site\.url in the config[^\n]*\n$/);
    } finally {
      await project.cleanup();
    }
  });

  it("a build that finds no page says where pages go and how to start a project", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "kiln-empty-"));
    try {
      const result = await runKiln(["build"], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^Built 0 pages/);
      assert.match(
        result.stderr,
        /^warning: No pages: src\/pages has no \.tsx, \.jsx, \.md or \.mdx file\./,
      );
      assert.match(result.stderr, /npx kiln init my-site --template blog/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('an import of "kiln" (another package on npm) is an error naming "kiln-ssg", at its line', async () => {
    const root = await mkdtemp(path.join(tmpdir(), "kiln-old-name-"));
    try {
      await mkdir(path.join(root, "src/pages"), { recursive: true });
      await writeFile(
        path.join(root, "src/pages/index.tsx"),
        'import { Head } from "kiln";\nexport default () => <Head />;\n',
      );
      const result = await runKiln(["build", root]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /^error KILN_MODULE_COMPILE: Kiln's package is "kiln-ssg"/);
      assert.match(result.stderr, /src\/pages\/index\.tsx:1:22/);
      assert.doesNotMatch(result.stderr, /npm install kiln\b/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("serve previews the built output on 127.0.0.1 and stops on SIGTERM", async () => {
    const project = await copyProject("basic-site");
    try {
      assert.equal(
        (await runKiln(["serve", project.root])).code,
        1,
        "serve before build must fail",
      );
      assert.equal((await project.build()).code, 0);
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [KILN_BIN, "serve", project.root, "--port", String(port)],
        {
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout.on(
            "data",
            (chunk: Buffer) => chunk.toString().includes("Serving") && resolve(),
          );
          child.once("exit", () => reject(new Error("serve exited")));
        });
        const page = await fetch(`http://127.0.0.1:${port}/posts/first/`);
        assert.equal(page.status, 200);
        assert.match(await page.text(), /<h1>First post<\/h1>/);
        const taken = await runKiln(["serve", project.root, "--port", String(port)]);
        assert.equal(taken.code, 1);
        assert.match(taken.stderr, /KILN_PORT_IN_USE/);
      } finally {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    } finally {
      await project.cleanup();
    }
  });
});
