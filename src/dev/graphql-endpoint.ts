import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeText } from "../render/index.js";
import { runInSite, type SiteRuntime } from "../runtime/index.js";
import { isAllowedOrigin, sendBody, sendText } from "../serve/index.js";

/** Where `kiln dev` serves the GraphQL explorer (GET) and runs queries (POST). */
export const GRAPHQL_PATH = "/_kiln/graphql";

/** A query is text: more than this is not one a person wrote. */
const MAX_BODY = 1024 * 1024;

export interface GraphqlRequestContext {
  runtime: SiteRuntime | undefined;
  allowedHosts: ReadonlySet<string>;
  port: number;
}

/**
 * The dev server's GraphQL endpoint, after its Host check. A POST must carry JSON (a form on
 * another site cannot send that without a preflight, which is never answered) from no Origin
 * or the dev server's own, so only a local tool or the explorer page can query.
 */
export async function handleGraphql(
  context: GraphqlRequestContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const runtime = context.runtime?.graphql && context.runtime;
  if (req.method === "GET" || req.method === "HEAD") {
    if (!runtime) return sendText(res, 503);
    const html = explorerPage(runtime.graphql!.sdl());
    return sendBody(req, res, 200, "text/html; charset=utf-8", html, "no-store");
  }
  if (req.method !== "POST") {
    res.setHeader("allow", "GET, HEAD, POST");
    return sendText(res, 405);
  }
  if (!isAllowedOrigin(req.headers.origin, context.allowedHosts, context.port)) {
    return sendText(res, 403);
  }
  if (!/^application\/(graphql-response\+)?json\b/i.test(req.headers["content-type"] ?? "")) {
    return sendText(res, 415);
  }
  const body = await readBody(req);
  if (body === undefined) return sendText(res, 413);
  let request: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    request = JSON.parse(body) as typeof request;
  } catch {
    return sendJson(req, res, 400, { errors: [{ message: "The body is not JSON." }] });
  }
  if (typeof request?.query !== "string") {
    return sendJson(req, res, 400, { errors: [{ message: "The body has no `query` string." }] });
  }
  if (!runtime) {
    return sendJson(req, res, 503, { errors: [{ message: "The site failed to load." }] });
  }
  const variables =
    typeof request.variables === "object" && request.variables !== null
      ? (request.variables as Record<string, unknown>)
      : undefined;
  const operation = typeof request.operationName === "string" ? request.operationName : undefined;
  const result = runInSite(runtime, () =>
    runtime.graphql!.execute(request.query as string, variables, operation),
  );
  sendJson(req, res, 200, result);
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown) {
  sendBody(req, res, status, "application/json; charset=utf-8", JSON.stringify(value), "no-store");
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A query form beside the schema: GraphiQL is not among the project's packages. */
function explorerPage(sdl: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>GraphQL · kiln dev</title>
<style>
body{font:14px system-ui,sans-serif;margin:0;display:grid;grid-template-columns:1fr 1fr;height:100vh}
section{padding:1rem;overflow:auto}textarea,pre{width:100%;box-sizing:border-box;font:13px ui-monospace,monospace}
textarea{height:14rem}#variables{height:4rem}pre{background:#f4f4f4;padding:.5rem;white-space:pre-wrap}
</style></head>
<body>
<section>
<h1>GraphQL</h1>
<form id="run">
<label for="query">Query</label>
<textarea id="query" spellcheck="false">{ _collections }</textarea>
<label for="variables">Variables (JSON)</label>
<textarea id="variables" spellcheck="false">{}</textarea>
<button type="submit">Run</button>
</form>
<pre id="result" aria-live="polite"></pre>
</section>
<section><h2>Schema</h2><pre>${escapeText(sdl)}</pre></section>
<script type="module">
const form = document.getElementById("run");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const out = document.getElementById("result");
  let variables;
  try { variables = JSON.parse(document.getElementById("variables").value || "{}"); }
  catch { out.textContent = "The variables are not JSON."; return; }
  const response = await fetch(location.pathname, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: document.getElementById("query").value, variables }),
  });
  out.textContent = JSON.stringify(await response.json(), null, 2);
});
</script>
</body>
</html>
`;
}
