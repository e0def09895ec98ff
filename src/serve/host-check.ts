import type { IncomingMessage } from "node:http";

/**
 * DNS rebinding and cross-site defences. A page on another site can make the browser send
 * requests to 127.0.0.1 (with its own name in Host after a rebinding), or open the
 * live-reload stream; only the names the developer uses are let in.
 */
export const LOCAL_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The lower-cased host name of a Host header value (`[::1]` keeps its brackets), or
 * undefined when the value is malformed: `[::`, `a:b:c`, a non-numeric port, spaces.
 */
export function parseHostHeader(value: string | undefined): string | undefined {
  if (!value || value.length > 255 || /[\s/\\@?#]/.test(value)) return undefined;
  let name: string;
  let rest: string;
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    if (end === -1) return undefined;
    name = value.slice(0, end + 1);
    rest = value.slice(end + 1);
  } else {
    const colon = value.indexOf(":");
    name = colon === -1 ? value : value.slice(0, colon);
    rest = colon === -1 ? "" : value.slice(colon);
  }
  if (rest !== "" && !/^:\d{1,5}$/.test(rest)) return undefined;
  if (name === "") return undefined;
  return name.toLowerCase();
}

/**
 * The request's one Host header. Several are malformed (RFC 9112 §3.2 asks for a 400), yet
 * Node keeps only the first in `req.headers.host`, so they are counted in the raw headers.
 */
export function hostHeaderOf(req: Pick<IncomingMessage, "rawHeaders">): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== "host") continue;
    if (value !== undefined) return undefined;
    value = req.rawHeaders[i + 1]!;
  }
  return value;
}

export type HostVerdict = "allowed" | "forbidden" | "malformed";

export function checkHost(value: string | undefined, allowed: ReadonlySet<string>): HostVerdict {
  const name = parseHostHeader(value);
  if (name === undefined) return "malformed";
  return allowed.has(name) ? "allowed" : "forbidden";
}

/**
 * Same-origin requests from the browser carry no Origin, or one naming this server; any
 * other origin, including `null` (sandboxed frames, file: pages), is refused.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  allowed: ReadonlySet<string>,
  port: number,
): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:") return false;
  const originPort = url.port === "" ? 80 : Number(url.port);
  return originPort === port && allowed.has(url.hostname.toLowerCase());
}

/** The host names a dev server accepts: the local ones and the configured ones. */
export function createHostAllowlist(configured: readonly string[]): Set<string> {
  const names = new Set(LOCAL_HOSTS);
  for (const name of configured) {
    const lower = name.toLowerCase();
    names.add(lower.includes(":") && !lower.startsWith("[") ? `[${lower}]` : lower);
  }
  return names;
}
