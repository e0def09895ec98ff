import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

/** Python's strict XML parser and Debian's feedparser: a real reader's verdict on each file. */
const CHECK = `
import json, sys, feedparser, xml.etree.ElementTree as ET
out = {}
for f in sys.argv[1:]:
    try:
        ET.parse(f); wellformed = ""
    except Exception as e:
        wellformed = str(e)
    d = feedparser.parse(f) if f.endswith(("rss.xml", "atom.xml")) else None
    out[f.split("/")[-1]] = {
        "error": wellformed,
        "bozo": bool(d and d.bozo),
        "titles": [e.get("title") for e in d.entries] if d else [],
    }
print(json.dumps(out))
`;

/**
 * A post with a vertical tab (U+000B) in its title and body, and remote-style dates at the
 * ends of what JavaScript can hold (±8.64e15 ms): feeds and sitemap stay well-formed XML, the
 * forbidden character is gone (CDATA included), and no `+275760-…` date is written; the
 * build names each entry whose date it left out.
 */
describe(
  "feeds and sitemap with characters and dates XML cannot carry",
  { timeout: 120_000 },
  () => {
    let project: Project;
    let stderr: string;
    before(async () => {
      project = await copyProject("plugins");
      const posts = path.join(project.root, "src/content/posts");
      await writeFile(
        path.join(posts, "tab.md"),
        '---\ntitle: "Vertical\\vtab"\ndate: 2026-03-01\n---\n\nA body with a vertical\u000Btab.\n',
      );
      await writeFile(
        path.join(posts, "future.md"),
        "---\ntitle: Future\ndate: 8640000000000000\n---\n\nLate.\n",
      );
      await writeFile(
        path.join(posts, "past.md"),
        "---\ntitle: Past\ndate: -8640000000000000\n---\n\nEarly.\n",
      );
      const result = await project.build();
      assert.equal(result.code, 0, result.stderr);
      stderr = result.stderr;
    });
    after(() => project?.cleanup());

    it("writes well-formed feeds and sitemap, without U+000B or a six-digit year", async () => {
      const files = ["rss.xml", "atom.xml", "sitemap.xml"].map((f) => path.join(project.outDir, f));
      const { stdout } = await promisify(execFile)("/usr/bin/python3", ["-c", CHECK, ...files], {
        timeout: 30_000,
      });
      const report = JSON.parse(stdout) as Record<
        string,
        { error: string; bozo: boolean; titles: string[] }
      >;
      for (const [file, { error, bozo }] of Object.entries(report)) {
        assert.equal(error, "", `${file}: ${error}`);
        assert.equal(bozo, false, file);
      }
      assert.ok(
        report["rss.xml"]!.titles.includes("Verticaltab"),
        report["rss.xml"]!.titles.join(),
      );
      assert.ok(!report["rss.xml"]!.titles.includes("Future"));
      for (const file of ["rss.xml", "atom.xml", "sitemap.xml", "feed.json"]) {
        const text = await project.read(file);
        assert.ok(!text.includes("\u000B") && !/\\u000b/i.test(text), file);
        assert.doesNotMatch(text, /275760|271821/, file);
      }
      assert.match(await project.read("rss.xml"), /A body with a verticaltab\./);
    });

    it("warns once per entry whose date it left out, naming the entry's file", () => {
      for (const name of ["future", "past"]) {
        assert.match(
          stderr,
          new RegExp(
            `warning: \\[kiln:feeds\\] posts/${name} \\([^)]*src/content/posts/${name}\\.md\\): \`date\``,
          ),
        );
        assert.match(
          stderr,
          new RegExp(
            `warning: \\[kiln:sitemap\\] src/pages/posts/\\[slug\\]\\.tsx \\(/posts/${name}/\\): \`date\``,
          ),
        );
      }
    });
  },
);
