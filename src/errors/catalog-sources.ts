import { docsPage } from "./docs-url.js";
import { define } from "./define-error.js";

/** The errors of remote sources (src/sources). Part of `catalog` (catalog.ts). */
export const sourceErrors = {
  // Remote sources (src/sources): URLs in these messages have secrets replaced by [env:NAME].
  SourceFetchFailed: define<{
    source: string;
    url: string;
    reason: string;
    attempts: number;
    staleIfError?: boolean;
  }>({
    code: "KILN_SOURCE_FETCH",
    title: "A source could not fetch a URL",
    cause:
      "A request of a remote source failed on every attempt: a network error, a timeout, or retryable statuses (5xx, 429) until the retries ran out.",
    message: ({ source, url, reason, attempts }) =>
      `Source "${source}" could not fetch ${url}: ${reason} (${attempts} ${attempts === 1 ? "attempt" : "attempts"}).`,
    hint: ({ staleIfError }) =>
      staleIfError
        ? "Check that the server is up and the URL is right. `staleIfError` is set, but nothing was cached for this URL yet; to build without this source when it is unavailable, set `optional: true` on it."
        : "Check that the server is up and the URL is right. To build from the last cached response when the server fails, set `fetch: { staleIfError: true }` on the source; to build without it, `optional: true`.",
  }),
  SourceHttpStatus: define<{ source: string; url: string; status: number }>({
    code: "KILN_SOURCE_STATUS",
    title: "A source's server answered with an error status",
    cause:
      "The server answered a remote source's request with an HTTP error status that retrying does not fix (most 4xx).",
    message: ({ source, url, status }) => `Source "${source}" got HTTP ${status} from ${url}.`,
    hint: ({ status }) =>
      status === 401 || status === 403
        ? "Check the credentials the source reads from the environment."
        : "Check the URL and the server's logs.",
  }),
  SourceContentType: define<{ source: string; url: string; expected: string; found: string }>({
    code: "KILN_SOURCE_CONTENT_TYPE",
    title: "A source's server sent the wrong content type",
    cause:
      "The server's response had a Content-Type other than the source expects (HTML from a login page or an error page, instead of JSON or XML).",
    message: ({ source, url, expected, found }) =>
      `Source "${source}" expected ${expected} from ${url} but got "${found}".`,
    hint: () =>
      "The URL may point at an HTML page (a login or error page) rather than the API endpoint.",
  }),
  SourceTooLarge: define<{ source: string; url: string; limit: number }>({
    code: "KILN_SOURCE_TOO_LARGE",
    title: "A response is larger than the limit",
    cause:
      "A response was larger than the source's `fetch.maxBytes`; it is refused rather than read into memory.",
    message: ({ source, url, limit }) =>
      `Source "${source}" refused the response from ${url}: it is larger than ${limit} bytes.`,
    hint: () =>
      "Raise `fetch: { maxBytes }` on the source if the response is expected to be this big.",
  }),
  SourceSyntax: define<{
    source: string;
    url: string;
    format: string;
    line: number;
    column: number;
    reason: string;
  }>({
    code: "KILN_SOURCE_SYNTAX",
    title: "A source's server sent malformed data",
    cause: "A response from a remote source is malformed JSON or XML.",
    message: ({ source, url, format, line, column, reason }) =>
      `Source "${source}" got malformed ${format} from ${url} at line ${line}, column ${column}: ${reason}`,
    hint: () => "The server sent a broken response; check the endpoint in a browser or with curl.",
  }),
  SourceOfflineMissing: define<{ source: string; url: string }>({
    code: "KILN_SOURCE_OFFLINE_MISSING",
    title: "Offline build without a cached response",
    cause:
      "With --offline, remote sources answer only from their cache in .kiln/, and this URL was never fetched into it.",
    message: ({ source, url }) =>
      `Source "${source}" has no cached response for ${url}, and --offline forbids fetching it.`,
    hint: () => "Build once online to fill the cache in .kiln/, then build with --offline.",
  }),
  SourceEnvMissing: define<{ source: string; name: string }>({
    code: "KILN_SOURCE_ENV_MISSING",
    title: "A source's environment variable is not set",
    cause: "A source's option comes from an environment variable (fromEnv) that is not set.",
    message: ({ source, name }) =>
      `Source "${source}" needs the environment variable ${name}, which is not set.`,
    hint: ({ name }) => `Set ${name} before building, for example \`${name}=... kiln build\`.`,
  }),
  SourceResponseInvalid: define<{ source: string; url: string; problem: string }>({
    code: "KILN_SOURCE_RESPONSE",
    title: "A response does not have the expected shape",
    cause:
      "The response arrived, but its content is not what the source's options describe: no array of items where `items` points, an item that is not an object or has no usable id, a body that is not UTF-8.",
    message: ({ source, url, problem }) =>
      `Source "${source}" cannot use the response from ${url}: ${problem}.`,
  }),
  SourceGraphql: define<{ source: string; url: string; errors: string }>({
    code: "KILN_SOURCE_GRAPHQL",
    title: "A GraphQL query failed",
    cause:
      "The GraphQL endpoint answered with an `errors` list: the query or its variables are wrong, or the server refused them.",
    message: ({ source, url, errors }) =>
      `Source "${source}": the GraphQL endpoint ${url} answered with errors: ${errors}`,
    hint: () => "Fix the query or its variables; the message above is the server's.",
  }),
  SourceOptionsInvalid: define<{ source: string; problem: string }>({
    code: "KILN_SOURCE_OPTIONS",
    title: "A source's options are invalid",
    cause: "The options given to a source are incomplete or contradictory.",
    message: ({ source, problem }) => `Source "${source}" is misconfigured: ${problem}.`,
    hint: () => `See ${docsPage("sources")} for each source's options.`,
  }),
  SourceReadsCycle: define<{ cycle: string }>({
    code: "KILN_SOURCE_READS_CYCLE",
    title: "Sources read each other's collections in a cycle",
    cause:
      "A source's `reads` makes it run after the sources that fill those collections; when they read, directly or not, a collection of the first one, none can run first.",
    message: ({ cycle }) => `Sources read each other's collections in a cycle: ${cycle}.`,
    hint: () =>
      "Remove one of the `reads`, or split a source so that the collection it reads comes from another one.",
  }),
} as const;
