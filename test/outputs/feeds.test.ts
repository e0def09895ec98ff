import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

/** Debian's python3-feedparser, a real consumer: what it reads, and whether it complained. */
const PARSE = `
import json, sys, feedparser
d = feedparser.parse(sys.argv[1])
print(json.dumps({
  "bozo": d.bozo, "error": str(d.get("bozo_exception", "")), "version": d.version,
  "title": d.feed.get("title"),
  "entries": [{
    "title": e.get("title"), "link": e.get("link"), "published": e.get("published"),
    "content": (e.get("content") or [{}])[0].get("value"), "summary": e.get("summary"),
  } for e in d.entries],
}))
`;

interface Parsed {
  bozo: boolean;
  error: string;
  version: string;
  title: string;
  entries: { title: string; link: string; published: string; content?: string; summary?: string }[];
}

async function feedparser(file: string): Promise<Parsed> {
  const { stdout } = await promisify(execFile)("/usr/bin/python3", ["-c", PARSE, file], {
    timeout: 30_000,
  });
  return JSON.parse(stdout) as Parsed;
}

describe("feeds: RSS 2.0, Atom and JSON Feed from a collection, read by feedparser", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("plugins");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  for (const [file, version] of [
    ["rss.xml", "rss20"],
    ["atom.xml", "atom10"],
  ] as const) {
    it(`${file}: no bozo, newest first, no draft, escaped titles, absolute URLs in content`, async () => {
      const feed = await feedparser(path.join(project.outDir, file));
      assert.equal(feed.bozo, false, feed.error);
      assert.equal(feed.version, version);
      assert.equal(feed.title, "Plugins");
      assert.deepEqual(
        feed.entries.map((e) => [e.title, e.link]),
        [
          ["Hidden", "https://example.org/posts/hidden/"],
          ["First & <post>", "https://example.org/posts/first/"],
        ],
      );
      const first = feed.entries[1]!;
      assert.match(first.published, /2026/);
      const html = first.content!;
      assert.match(html, /href="https:\/\/example.org\/notes\/hello\/"/);
      assert.match(html, /src="https:\/\/example.org\/pic.png"/);
      assert.doesNotMatch(html, /(?:href|src)="\//);
      assert.match(html, /<code>\]\]&gt;<\/code>/);
    });
  }

  // Debian's feedparser (6.0.10) predates its JSON Feed support: check the 1.1 shape directly.
  it("feed.json: JSON Feed 1.1 with the same items, content_html absolute", async () => {
    const feed = JSON.parse(await project.read("feed.json")) as {
      version: string;
      feed_url: string;
      items: {
        id: string;
        url: string;
        title: string;
        content_html: string;
        date_published: string;
      }[];
    };
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(feed.feed_url, "https://example.org/feed.json");
    assert.deepEqual(
      feed.items.map((i) => [i.title, i.url, i.date_published]),
      [
        ["Hidden", "https://example.org/posts/hidden/", "2026-01-03T00:00:00.000Z"],
        ["First & <post>", "https://example.org/posts/first/", "2026-01-02T00:00:00.000Z"],
      ],
    );
    assert.doesNotMatch(feed.items[1]!.content_html, /(?:href|src)="\//);
    // feedparser drops srcset, so it is checked here: each candidate made absolute.
    assert.match(
      feed.items[1]!.content_html,
      /srcset="https:\/\/example.org\/pic.png 1x, https:\/\/example.org\/posts\/first\/pic-2x.png 2x"/,
    );
  });

  it("a summary feed carries the description and no body", async () => {
    const feed = await feedparser(path.join(project.outDir, "summaries/rss.xml"));
    assert.equal(feed.bozo, false, feed.error);
    const first = feed.entries[1]!;
    assert.equal(first.summary, 'The first one, with "quotes" & ]]> in it');
    assert.ok(!first.content, "a summary feed has no content");
  });
});
