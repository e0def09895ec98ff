import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";
import { expectBuildError } from "../helpers/expect-build-error.js";

describe("bad input gives a located error, exit 1, and leaves the previous output whole", () => {
  let project: Project;
  const write = (relative: string, content: string | Uint8Array) => async () => {
    await mkdir(path.dirname(path.join(project.root, relative)), { recursive: true });
    await writeFile(path.join(project.root, relative), content);
  };
  beforeEach(async () => {
    project = await copyProject("basic-site");
  });
  afterEach(() => project.cleanup());

  it("YAML syntax error: file:line:column", async () => {
    await expectBuildError(
      project,
      write(
        "src/content/posts/bad.md",
        "---\ntitle: ok\ndate: 2026-01-01\ntags: [a, b\n---\nbody\n",
      ),
      { code: "KILN_DATA_SYNTAX", at: "src/content/posts/bad.md:5:1" },
    );
  });

  it("schema error: the field, what was expected, and the field's line", async () => {
    await expectBuildError(
      project,
      write(
        "src/content/posts/bad.md",
        "---\ntitle: ok\ndate: 2026-01-01\ntags: nope\n---\nbody\n",
      ),
      {
        code: "KILN_ENTRY_INVALID",
        at: "src/content/posts/bad.md:4:1",
        message: /Field `tags`.*"posts".*expected array/,
      },
    );
  });

  it("a missing required field points into the front matter", async () => {
    await expectBuildError(
      project,
      write("src/content/posts/bad.md", "---\ndate: 2026-01-01\n---\nbody\n"),
      {
        code: "KILN_ENTRY_FIELD_MISSING",
        at: "src/content/posts/bad.md:2",
        message: /Field `title` is missing/,
      },
    );
  });

  it("front matter is never executed: ---js is refused", async () => {
    const marker = path.join(project.root, "pwned");
    await expectBuildError(
      project,
      write(
        "src/content/posts/bad.md",
        `---js\n((require("fs")).writeFileSync(${JSON.stringify(marker)}, "x"))\n---\nbody\n`,
      ),
      { code: "KILN_FRONTMATTER_LANGUAGE", at: "src/content/posts/bad.md:1:4" },
    );
    await assert.rejects(readFile(marker), "front matter ran");
  });

  it("a YAML alias bomb is refused", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    await expectBuildError(
      project,
      write("src/content/posts/bomb.yaml", `title: bomb\ndate: 2026-01-01\n${levels.join("\n")}\n`),
      { code: "KILN_DATA_SYNTAX", at: "src/content/posts/bomb.yaml", message: /alias/i },
    );
  });

  it("a __proto__ key is refused with its line", async () => {
    await expectBuildError(
      project,
      write(
        "src/content/posts/bad.md",
        "---\ntitle: ok\ndate: 2026-01-01\n__proto__:\n  polluted: true\n---\n",
      ),
      { code: "KILN_DATA_KEY_FORBIDDEN", at: "src/content/posts/bad.md:4:1" },
    );
  });

  it("invalid UTF-8 names the byte offset", async () => {
    const bytes = Buffer.concat([
      Buffer.from("---\ntitle: caf"),
      Buffer.from([0xc3, 0x28]),
      Buffer.from("\n---\n"),
    ]);
    await expectBuildError(project, write("src/content/posts/bad.md", bytes), {
      code: "KILN_UTF8_INVALID",
      at: "src/content/posts/bad.md",
      message: /byte offset 14/,
    });
  });

  it("a component that throws names the page and the component, at the user's line", async () => {
    await expectBuildError(
      project,
      write(
        "src/pages/broken.tsx",
        [
          "function Inner(): never {",
          '  throw new Error("no data for this widget");',
          "}",
          "",
          "export default function BrokenPage() {",
          "  return <main><Inner /></main>;",
          "}",
          "",
        ].join("\n"),
      ),
      {
        code: "KILN_RENDER_FAILED",
        at: "src/pages/broken.tsx:2:9",
        message:
          /Rendering \/broken\/ \(page broken\.tsx\) failed in component <Inner>: no data for this widget/,
      },
    );
  });

  it("a paths() param that would leave the output folder is named", async () => {
    await expectBuildError(
      project,
      write(
        "src/pages/evil/[slug].tsx",
        'export const paths = () => [{ params: { slug: "../../etc" } }];\nexport default () => <p>x</p>;\n',
      ),
      {
        code: "KILN_ROUTE_PARAM_INVALID",
        at: "src/pages/evil/[slug].tsx",
        message: /`slug` = "\.\.\/\.\.\/etc"/,
      },
    );
  });

  it("a rest param with .. is refused", async () => {
    await expectBuildError(
      project,
      write(
        "src/pages/docs/[...path].tsx",
        'export const paths = () => [{ params: { path: "a/../../../x" } }];\nexport default () => <p>x</p>;\n',
      ),
      { code: "KILN_ROUTE_PARAM_INVALID", message: /`\.` and `\.\.`/ },
    );
  });

  it("two routes writing one page name both sources", async () => {
    const stderr = await expectBuildError(
      project,
      write("src/pages/About/index.tsx", "export default () => <p>x</p>;\n"),
      {
        code: "KILN_ROUTE_CONFLICT",
      },
    );
    assert.match(stderr, /about\.md/);
    assert.match(stderr, /About\/index\.tsx/);
  });

  it("a dynamic page without paths() is named", async () => {
    await expectBuildError(
      project,
      write("src/pages/tags/[tag].tsx", "export default () => <p>x</p>;\n"),
      {
        code: "KILN_PAGE_PATHS_MISSING",
        at: "src/pages/tags/[tag].tsx",
      },
    );
  });

  it("a page that does not compile gives file:line:column", async () => {
    await expectBuildError(
      project,
      write("src/pages/oops.tsx", "export default () => <p>x</div>;\n"),
      {
        code: "KILN_MODULE_COMPILE",
        at: "src/pages/oops.tsx:1:",
      },
    );
  });

  it("a page importing a package that is not installed names the import and says how to install it", async () => {
    const stderr = await expectBuildError(
      project,
      write(
        "src/pages/uses-package.tsx",
        'import { thing } from "@kiln-test/not-installed/sub";\nexport default () => <p>{thing}</p>;\n',
      ),
      {
        code: "KILN_PACKAGE_MISSING",
        at: "src/pages/uses-package.tsx:1:24",
        message: /"@kiln-test\/not-installed"/,
      },
    );
    assert.match(stderr, /npm install @kiln-test\/not-installed/);
    assert.doesNotMatch(stderr, /\.kiln\/server/);
  });

  it("an unknown config key names the key and its line", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    await expectBuildError(
      project,
      async () =>
        writeFile(
          config,
          (await readFile(config, "utf8")).replace('lang: "en"', 'lang: "en", titel: "x"'),
        ),
      {
        code: "KILN_CONFIG_KEY_UNKNOWN",
        at: "kiln.config.ts:4:",
        message: /`site\.titel`[^]*Did you mean `title`\?/,
      },
    );
  });

  it("a wrong config type names the key path", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    await expectBuildError(
      project,
      async () =>
        writeFile(config, (await readFile(config, "utf8")).replace('title: "Basic"', "title: 42")),
      {
        code: "KILN_CONFIG_INVALID",
        at: "kiln.config.ts:4:",
        message: /`site\.title`.*expected string/,
      },
    );
  });

  it("a markdown page naming a missing layout", async () => {
    await expectBuildError(
      project,
      write("src/pages/x.md", "---\ntitle: x\nlayout: Nope\n---\nx\n"),
      {
        code: "KILN_LAYOUT_MISSING",
        at: "src/pages/x.md:3:1",
      },
    );
  });

  it("a public file and a page writing the same path", async () => {
    await expectBuildError(project, write("public/about/index.html", "<p>x</p>"), {
      code: "KILN_OUTPUT_CONFLICT",
    });
  });

  it("--debug prints the stack", async () => {
    await write("src/pages/x.md", "---\ntitle: x\nlayout: Nope\n---\nx\n")();
    const result = await project.build("--debug");
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^ {4}at /m);
  });
});
