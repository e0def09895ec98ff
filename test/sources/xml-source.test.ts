import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { xmlSource } from "../../src/sources/index.js";
import { loadSource } from "./client.js";
import { startTestServer, type TestServer } from "./test-server.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Feed</title>
    <item>
      <title>First &amp; best</title>
      <link>https://example.com/first</link>
      <guid isPermaLink="false">post-1</guid>
      <pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate>
      <dc:creator>Ada</dc:creator>
      <category>news</category>
      <category>kiln</category>
      <description><![CDATA[<p>Summary <img src=x onerror="alert(1)"></p>]]></description>
      <content:encoded><![CDATA[<p>Full <a href="javascript:alert(1)">text</a></p><script>alert(2)</script>]]></content:encoded>
    </item>
    <item>
      <title>Second</title>
      <link>https://example.com/second</link>
      <description>Plain</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom</title>
  <entry>
    <id>urn:uuid:1</id>
    <title type="text">Fish &lt;and&gt; chips</title>
    <link rel="alternate" href="https://example.com/atom-1"/>
    <updated>2024-06-01T12:00:00Z</updated>
    <author><name>Grace</name></author>
    <category term="food"/>
    <summary type="html">&lt;p onmouseover="x()"&gt;Tasty&lt;/p&gt;</summary>
  </entry>
</feed>`;

const CATALOG = `<catalog><book id="b1"><title>One</title></book><book id="b2"><title>Two</title></book></catalog>`;

describe("xmlSource", { timeout: 30_000 }, () => {
  let server: TestServer;
  let cacheDir: string;
  before(async () => {
    server = await startTestServer();
    cacheDir = await mkdtemp(path.join(tmpdir(), "kiln-xml-source-"));
    const serve = (route: string, body: string, type = "application/xml") =>
      server.route(route, (_req, res) => res.writeHead(200, { "content-type": type }).end(body));
    serve("/rss", RSS, "application/rss+xml; charset=utf-8");
    serve("/atom", ATOM, "application/atom+xml");
    serve("/catalog", CATALOG, "text/xml");
    serve("/broken", "<rss>\n  <channel>\n    <item><title>x</titel></item>\n  </channel>\n</rss>");
    serve(
      "/entities",
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><rss><channel><item><title>&lol;</title></item></channel></rss>',
    );
  });
  after(async () => {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it("reads RSS items, with HTML sanitized and the title as text", async () => {
    const { store } = await loadSource(
      xmlSource({ collection: "feed", url: `${server.url}/rss` }),
      cacheDir,
    );
    assert.deepEqual(
      store.list("feed").map((e) => e.id),
      ["https://example.com/second", "post-1"],
    );
    assert.deepEqual(store.get("feed", "post-1")!.data, {
      id: "post-1",
      title: "First & best",
      link: "https://example.com/first",
      date: "2024-05-01T10:00:00.000Z",
      summary: '<p>Summary <img src="x"></p>',
      content: "<p>Full <a>text</a></p>",
      author: "Ada",
      categories: ["news", "kiln"],
    });
  });

  it("reads Atom entries", async () => {
    const { store } = await loadSource(
      xmlSource({ collection: "feed", url: `${server.url}/atom` }),
      cacheDir,
    );
    const data = store.get("feed", "urn:uuid:1")!.data;
    assert.equal(data.title, "Fish <and> chips");
    assert.equal(data.link, "https://example.com/atom-1");
    assert.equal(data.author, "Grace");
    assert.equal(data.summary, "<p>Tasty</p>");
    assert.deepEqual(data.categories, ["food"]);
  });

  it("reads any XML with an items path, attributes as @keys", async () => {
    const source = xmlSource({
      collection: "books",
      url: `${server.url}/catalog`,
      items: "catalog.book",
      id: "@id",
    });
    const { store } = await loadSource(source, cacheDir);
    assert.deepEqual(store.get("books", "b2")!.data, { "@id": "b2", title: "Two" });
  });

  it("reports malformed XML with the URL, line and column", async () => {
    await assert.rejects(
      loadSource(xmlSource({ collection: "feed", url: `${server.url}/broken` }), cacheDir),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, "KILN_SOURCE_SYNTAX");
        assert.match(
          error.message,
          new RegExp(`malformed XML from ${server.url}/broken at line 3, column \\d+: .*titel`),
        );
        return true;
      },
    );
  });

  it("refuses documents that declare their own entities", async () => {
    await assert.rejects(
      loadSource(xmlSource({ collection: "feed", url: `${server.url}/entities` }), cacheDir),
      /declares its own entities/,
    );
  });
});
