import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { after, before, describe, it } from "node:test";
import { sanitizeSvg } from "../../src/support/index.js";
import { launchBrowser } from "../helpers/browser.js";

const MARK = "document.documentElement.setAttribute('data-ran', 'yes')";
const SVG = (inner: string, attributes = "") =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40"${attributes}>${inner}<rect width="5" height="5"/></svg>`;

/** SVGs that run script when opened, each a way the probe or the literature knows. */
const HOSTILE: Record<string, string> = {
  script: SVG(`<script>${MARK}</script>`),
  "prefixed script": SVG(`<s:script xmlns:s="http://www.w3.org/2000/svg">${MARK}</s:script>`),
  "CDATA script": SVG(`<script type="text/javascript"><![CDATA[${MARK}]]></script>`),
  onload: SVG("", ` onload="${MARK}"`),
  "onload, other case": SVG("", ` ONLOAD="${MARK}"`),
  "handler on a child": SVG(`<image href="x.png" onerror="${MARK}"/>`),
  "javascript: iframe": SVG(
    `<foreignObject width="40" height="40"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:parent.${MARK}"></iframe></foreignObject>`,
  ),
  "animated javascript: link": SVG(
    `<a><animate attributeName="href" values="javascript:${MARK}" begin="0s" fill="freeze"/><text y="20">x</text></a>`,
  ),
  "entity-encoded javascript: link": SVG(
    `<a xlink:href="jav&#x61;script&#58;${MARK}"><text y="20">x</text></a>`,
  ),
  "entity expanding to a script": `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "<script xmlns='http://www.w3.org/2000/svg'>${MARK}</script>">]>${SVG("&x;")}`,
};

/**
 * What Kiln publishes for an SVG with script (public/ and markdown images): opened by itself
 * in Chromium, with no policy from the server (a bucket sends none), it runs nothing; an SVG
 * without script comes back byte for byte.
 */
describe("SVGs without script", { timeout: 120_000 }, () => {
  let server: Server;
  let base: string;
  let chromium: Awaited<ReturnType<typeof launchBrowser>>;
  const served = new Map<string, string>();
  before(async () => {
    server = createServer((req, res) => {
      const body = served.get(decodeURIComponent(req.url!.slice(1)));
      res.writeHead(body ? 200 : 404, { "content-type": "image/svg+xml" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const ran = async (name: string, svg: string) => {
    served.set(name, svg);
    const page = await chromium.context.newPage();
    await page.goto(base + encodeURIComponent(name), { waitUntil: "load", timeout: 10_000 });
    // A javascript: link runs when followed: follow it, as a visitor's click would.
    await page.evaluate(() => {
      const link = document.querySelector("a");
      if (link) link.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    });
    const result = await page.evaluate(() => document.documentElement.getAttribute("data-ran"));
    await page.close();
    return result;
  };

  it("the probes run script as they are (the test can see it)", async () => {
    assert.equal(await ran("raw script", HOSTILE["script"]!), "yes");
    assert.equal(await ran("raw onload", HOSTILE["onload"]!), "yes");
  });

  for (const [name, svg] of Object.entries(HOSTILE)) {
    it(`${name}: nothing runs once sanitized`, async () => {
      const clean = sanitizeSvg(svg);
      assert.doesNotMatch(clean, /<(?:\w+:)?script|\son\w+\s*=|javascript/i, clean);
      assert.equal(await ran(name, clean), null);
    });
  }

  it("leaves an SVG without script as it is", () => {
    const plain = `<?xml version="1.0"?>\n${SVG('<a href="/about/"><text y="20">About</text></a>', ' style="color:red"')}`;
    assert.equal(sanitizeSvg(plain), plain);
  });
});
