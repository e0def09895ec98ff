import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../src/serve/index.js";
import { launchBrowser } from "../helpers/browser.js";
import { copyProject, runKiln, type Project } from "../helpers/build-fixture.js";
import { startNginx } from "../helpers/nginx.js";

/** A stand-in for gtag.js on 127.0.0.1: a script that marks the page and sends one beacon. */
function startGtag(): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith("/gtag/js")) {
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(
        `window.__gtag = "loaded"; fetch(${JSON.stringify("/collect")}.replace(/^/, document.currentScript.src.split("/gtag")[0])).then(() => { window.__beacon = "sent"; });`,
      );
    } else {
      res.writeHead(204, { "access-control-allow-origin": "*" }).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ origin: `http://127.0.0.1:${port}`, server });
    }),
  );
}

describe("a CSP the config extends, for an analytics script", { timeout: 120_000 }, () => {
  let gtag: { origin: string; server: Server };
  let project: Project;
  before(async () => {
    gtag = await startGtag();
    project = await copyProject("csp-external");
  });
  after(async () => {
    gtag.server.close();
    gtag.server.closeAllConnections();
    await project.cleanup();
  });
  const build = (allow: boolean) =>
    runKiln(["build", project.root], {
      env: { GTAG_ORIGIN: gtag.origin, GTAG_ALLOW: allow ? "1" : "0" },
    });

  it("warns at build, naming the page and the URL its policy would block", async () => {
    const result = await build(false);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(
      result.stderr.includes(
        `index.tsx (/) loads ${gtag.origin}/gtag/js?id=G-TEST, which its Content-Security-Policy blocks (script-src)`,
      ),
      result.stderr,
    );
  });

  it("runs with zero violations in Chromium against kiln serve and nginx once allowed; 404 has a policy", async () => {
    const result = await build(true);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /Content-Security-Policy blocks/);
    const serve: RunningServer = await startServer({ root: project.outDir, port: 0 });
    const nginx = await startNginx(
      project.outDir,
      `include ${project.outDir}/_headers.nginx.conf;`,
    );
    const chromium = await launchBrowser();
    try {
      for (const base of [serve.url, nginx.url]) {
        const page = await chromium.context.newPage();
        await page.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            const list = ((window as unknown as { __violations?: string[] }).__violations ??= []);
            list.push(`${event.violatedDirective} ${event.blockedURI}`);
          });
        });
        const response = await page.goto(base, { waitUntil: "networkidle" });
        const policy = response?.headers()["content-security-policy"] ?? "";
        assert.match(policy, new RegExp(`script-src 'self' ${gtag.origin.replace(/\./g, "\\.")}`));
        await page.waitForFunction(
          () => (window as { __beacon?: string }).__beacon === "sent",
          null,
          {
            timeout: 10_000,
          },
        );
        const violations = await page.evaluate(
          () => (window as unknown as { __violations?: string[] }).__violations ?? [],
        );
        assert.deepEqual(violations, [], base);
        const missing = await page.goto(`${base}no-such-page/`);
        assert.equal(missing?.status(), 404);
        assert.match(
          missing?.headers()["content-security-policy"] ?? "",
          /default-src 'self'/,
          base,
        );
        await page.close();
      }
    } finally {
      await chromium.close();
      await nginx.close();
      await serve.close();
    }
  });
});
