import assert from "node:assert/strict";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { parseDiagnostics } from "../../src/cli/type-check.js";
import { REPO, copyProject, runKiln } from "../helpers/build-fixture.js";

/** As `npm install` in the project would: Kiln, its Preact and, unless left out, TypeScript. */
async function install(root: string, packages: string[]): Promise<void> {
  await mkdir(path.join(root, "node_modules"));
  await symlink(REPO, path.join(root, "node_modules/kiln-ssg"), "dir");
  for (const name of packages) {
    await symlink(
      path.join(REPO, "node_modules", name),
      path.join(root, "node_modules", name),
      "dir",
    );
  }
}

describe("kiln check", () => {
  it("lists a type error, an entry failing its schema, one that does not parse and a broken link in one run, each where it is, and exits 1", async () => {
    const project = await copyProject("check-problems");
    try {
      await install(project.root, ["preact", "typescript"]);
      const result = await runKiln(["check", project.root]);
      assert.equal(result.code, 1, result.stderr);
      const { stderr } = result;
      // The typo `post.data.sumary`, which a build renders as empty text.
      assert.match(stderr, /error KILN_TYPE_ERROR: Property 'sumary' does not exist/);
      assert.match(stderr, /at .*src\/pages\/posts\/\[slug\]\.tsx:13:\d+/);
      // `title: 42` where the schema wants a string.
      assert.match(stderr, /error KILN_ENTRY_INVALID: Field `title` does not match/);
      assert.match(stderr, /at .*src\/content\/posts\/bad\.md:2/);
      // A front matter that does not parse: reported, and the rest of the content still checked.
      assert.match(stderr, /error KILN_DATA_SYNTAX: Invalid YAML/);
      assert.match(stderr, /at .*src\/content\/posts\/broken\.md:\d+/);
      // The link to a page that does not exist, found on the site built into a temp folder.
      assert.match(stderr, /error KILN_LINKS_BROKEN: 1 link in the built site leads nowhere/);
      assert.match(stderr, /"\/nowhere\/"/);
      assert.match(stderr, /see: \S+\/errors\.md#kiln_type_error/);
      assert.match(result.stdout, /kiln check: 4 problems: 1 type error, 2 invalid entries/);
      // The project's own output is neither written nor needed.
      assert.deepEqual(await project.files().catch(() => []), []);
    } finally {
      await project.cleanup();
    }
  });

  it("says the types were not checked when the project has a tsconfig.json but no typescript, and passes a fixed project", async () => {
    const project = await copyProject("check-problems");
    try {
      await install(project.root, ["preact"]);
      await writeFile(
        path.join(project.root, "src/content/posts/bad.md"),
        "---\ntitle: Fixed\nsummary: Now a string.\n---\n\nText.\n",
      );
      await rm(path.join(project.root, "src/content/posts/broken.md"));
      const index = path.join(project.root, "src/pages/index.tsx");
      await writeFile(index, `export default function Home() {\n  return <h1>Home</h1>;\n}\n`);
      const result = await runKiln(["check", project.root]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stderr,
        /warning: .*`typescript` package cannot be found.*npm install --save-dev typescript/,
      );
      assert.match(result.stdout, /kiln check: no problems: types not checked/);
    } finally {
      await project.cleanup();
    }
  });

  it("reads tsc's diagnostics with their continuation lines, each at its file, line and column", () => {
    const output = [
      "src/a.tsx(3,7): error TS2322: Type 'number' is not assignable to type 'string'.",
      "src/b.ts(10,1): error TS2345: Argument of type '{ a: number; }' is not assignable.",
      "  Object literal may only specify known properties.",
      "",
    ].join("\n");
    const [first, second, ...rest] = parseDiagnostics(output, "/project");
    assert.equal(rest.length, 0);
    assert.equal(first?.code, "KILN_TYPE_ERROR");
    assert.deepEqual(first?.location, { file: "/project/src/a.tsx", line: 3, column: 7 });
    assert.match(
      first?.message ?? "",
      /^Type 'number' is not assignable to type 'string'\. \(TypeScript TS2322\)$/,
    );
    assert.match(
      second?.message ?? "",
      /not assignable\.\nObject literal may only specify known properties\. \(TypeScript TS2345\)$/,
    );
  });
});
