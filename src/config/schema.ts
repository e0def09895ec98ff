import { z } from "zod";
import { isStandardSchema, type StandardSchemaV1 } from "./standard-schema.js";

const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

const collectionName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, "a collection name uses letters, digits, `-` and `_`");

const collectionSchema = z.strictObject({
  /**
   * Validates and transforms each entry's data (front matter, JSON or YAML). Any Standard
   * Schema works: `z.object({...})` from `kiln-ssg`'s re-exported zod is the usual choice.
   * @default no validation; data is kept as written
   */
  schema: z
    .custom<StandardSchemaV1>(isStandardSchema, "expected a schema such as z.object({ ... })")
    .optional(),
  /**
   * The folder of the collection's files, relative to the project, when they are not in
   * `src/content/<name>/` (such as "src/site/headless-cms/posts" of an Eleventy site). It
   * must be inside the project. @default "src/content/<name>"
   */
  dir: z
    .string()
    .min(1)
    .refine(
      (dir) => !/^([/\\]|[A-Za-z]:)/.test(dir) && !/(^|[/\\])\.\.([/\\]|$)/.test(dir),
      'a folder inside the project, relative to it, such as "src/site/posts"',
    )
    .optional(),
  /**
   * Globs, relative to the collection's folder, of the files that are entries (`**` any
   * folders, `*` any name, `{a,b}` either). @default every .md, .mdx, .json, .yaml, .yml file
   */
  include: z.array(z.string().min(1)).optional(),
  /** Globs, relative to the collection's folder, of files left out. @default [] */
  exclude: z.array(z.string().min(1)).default([]),
  /**
   * What a file that does not parse (bad YAML, unclosed front matter) does: `"error"` fails
   * the build with every such file listed; `"skip"` leaves them out with one warning listing
   * them. @default "error"
   */
  invalid: z.enum(["error", "skip"]).default("error"),
});

const siteSchema = z
  .strictObject({
    /** The site's public origin, used for absolute URLs (canonical links, feeds, sitemaps). */
    url: z.url().optional(),
    /**
     * The path the site is served under, such as "/docs/" for https://example.org/docs/ (a
     * GitHub Pages project site). Pages link from the root as usual (`/about/`); the build
     * puts the base before every root-relative URL of every page, feed and sitemap, and
     * `kiln dev` and `kiln serve` serve the site under it. Files are still written at the
     * output's root. @default the path of `url`, else "/"
     */
    base: z
      .string()
      .regex(/^\/?(?:[A-Za-z0-9._~-]+\/?)*$/, 'a path such as "/docs/"')
      .optional(),
    /** The site's name; the `<title>` of pages that set none. @default "Kiln site" */
    title: z.string().default("Kiln site"),
    /** The `lang` attribute of every page. @default "en" */
    lang: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "a BCP 47 tag such as en or pt-BR")
      .default("en"),
    /** Used for the description meta tag of pages that set none. */
    description: z.string().optional(),
    /**
     * Who writes the site, for a bio, a byline or an SEO component: every page gets it as
     * `site.author` (props and `usePage().site`). @default none
     */
    author: z
      .strictObject({
        /** The author's name. */
        name: z.string().min(1),
        /** A line about them, such as a bio's text. @default none */
        summary: z.string().optional(),
        /** Their page. @default none */
        url: z.url().optional(),
        /** Their address. @default none */
        email: z.email().optional(),
      })
      .optional(),
    /**
     * Links to the site's profiles elsewhere, by name: `{ github: "https://github.com/x",
     * mastodon: "https://example.social/@x" }`; pages get it as `site.social`. @default {}
     */
    social: z.record(z.string().min(1), z.url()).default({}),
    /**
     * Any other data of the site every page shares (a tagline, a copyright holder), as
     * `site.meta`; type it with `declare module "kiln-ssg" { interface SiteMeta { … } }`.
     * It must be plain data (it reaches render workers). @default {}
     */
    meta: z.record(z.string(), z.unknown()).default({}),
  })
  .transform(({ base, ...site }) => ({
    ...site,
    base: basePath(base ?? (site.url ? new URL(site.url).pathname : "/")),
  }));

/** "docs", "/docs" and "/docs/" → "/docs/": the one spelling every URL is made with. */
function basePath(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

const markdownSchema = z.strictObject({
  /** Allow raw HTML in local markdown. Local authors are trusted. @default true */
  html: z.boolean().default(true),
  /**
   * The layout (a file name in src/layouts, without extension) of markdown pages whose front
   * matter names none. @default Kiln's built-in layout: title, description and body
   */
  layout: z.string().min(1).optional(),
  /** GFM: tables, strikethrough, autolinks, task lists, footnotes. @default true */
  gfm: z.boolean().default(true),
  /** Deepest heading level (2–6) in a page's `toc`. @default 3 */
  tocDepth: z.number().int().min(2).max(6).default(3),
  /** Add a `#` link (class `heading-anchor`) to every heading. @default false */
  headingAnchors: z.boolean().default(false),
  /**
   * Syntax highlighting of fenced code with highlight.js, at build time: highlight.js style
   * names for the light colours and the dark ones (used under `prefers-color-scheme: dark`),
   * written as one stylesheet that pages with code link to; or false.
   * @default { light: "github", dark: "github-dark" }
   */
  highlight: z
    .union([
      z.literal(false),
      z.strictObject({
        /** highlight.js style of code in the light colour scheme. */
        light: z.string().min(1),
        /** highlight.js style used under `prefers-color-scheme: dark`. */
        dark: z.string().min(1),
      }),
    ])
    .default({ light: "github", dark: "github-dark" }),
  /**
   * A module, relative to the project, whose named exports are components every MDX page and
   * entry can use without importing them (`export function Note…` → `<Note>`). A layout's
   * `components` export and those passed to `renderEntry()` win over these. @default none
   */
  mdxComponents: z.string().min(1).optional(),
});

const assetsSchema = z.strictObject({
  /**
   * Stylesheets of at most this many bytes (minified) go inline in a `<style>` instead of a
   * `<link>`, saving a request. 0 keeps every stylesheet in its own file. @default 0
   */
  inlineStyles: z.number().int().min(0).max(100_000).default(0),
  /** Responsive images: the `<Image>` component and images in markdown. */
  images: z
    .strictObject({
      /** Widths (CSS pixels) each image is encoded at, never above its own. @default [480, 960, 1440, 1920] */
      widths: z.array(z.number().int().min(16).max(8192)).min(1).default([480, 960, 1440, 1920]),
      /** Largest source file accepted, in bytes. @default 25 MB */
      maxBytes: z
        .number()
        .int()
        .positive()
        .default(25 * 1024 * 1024),
      /** Largest source accepted, in pixels, checked before decoding. @default 50 megapixels */
      maxPixels: z.number().int().positive().default(50_000_000),
    })
    .prefault({}),
  /**
   * Prefetch same-site links through the browser's Speculation Rules: a JSON
   * `<script type="speculationrules">` on every page, no runtime. `"conservative"` fetches on
   * pointer-down, `"moderate"` on hover, `"eager"` as soon as links appear. Off by default,
   * so a page without islands has no script tag at all. @default false
   */
  prefetch: z
    .union([z.literal(false), z.enum(["conservative", "moderate", "eager"])])
    .default(false),
});

const devSchema = z.strictObject({
  /**
   * Host names the dev server answers besides localhost, 127.0.0.1 and [::1], such as a
   * name in /etc/hosts. Requests naming any other host are refused (DNS rebinding).
   * @default []
   */
  allowedHosts: z.array(z.string().min(1)).default([]),
});

const serveSchema = z.strictObject({
  /**
   * Host names `kiln serve` answers besides localhost, 127.0.0.1 and [::1]. Requests naming
   * any other host are refused, so a DNS-rebinding page cannot read the preview.
   * @default []
   */
  allowedHosts: z.array(z.string().min(1)).default([]),
});

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** An S3-compatible bucket: AWS S3, Cloudflare R2, MinIO, … Keys come from the environment. */
const bucketSchema = z.strictObject({
  /** The bucket's name. */
  bucket: z.string().min(1),
  /** The bucket's region (R2: "auto"). @default "us-east-1" */
  region: z.string().min(1).default("us-east-1"),
  /** An S3-compatible endpoint, such as https://<account>.r2.cloudflarestorage.com. @default AWS S3 */
  endpoint: z.url().optional(),
  /** A folder inside the bucket, such as "site/". @default "" (the bucket's root) */
  prefix: z
    .string()
    .default("")
    .transform((prefix) => prefix.replace(/^\/+|\/+$/g, ""))
    .transform((prefix) => (prefix === "" ? "" : `${prefix}/`)),
  /** Address the bucket as endpoint/bucket (MinIO and most non-AWS stores). @default false */
  forcePathStyle: z.boolean().default(false),
});

const deploySchema = z.strictObject({
  /** Where `kiln deploy` uploads the output. */
  s3: bucketSchema.optional(),
  /**
   * Cache-Control by key, first match wins: `{ pattern: "^images/", value: "public, max-age=86400" }`
   * (`pattern` is a regular expression tested on the key without the prefix). Unmatched files
   * get the defaults: `_kiln/` (hashed) immutable for a year, HTML and the rest revalidated.
   * @default []
   */
  cacheControl: z
    .array(
      z.strictObject({
        /** A regular expression tested on the object key, such as `^images/`. */
        pattern: z.string().min(1).refine(isRegExp, "expected a regular expression"),
        /** The Cache-Control header of the keys it matches. */
        value: z.string().min(1),
      }),
    )
    .default([]),
  /**
   * Store text files (HTML, CSS, JS, JSON, XML, SVG, TXT) compressed, with Content-Encoding.
   * Object stores do not negotiate: every client gets these bytes. Browsers take "br" only
   * over HTTPS. @default false
   */
  compress: z.union([z.literal(false), z.enum(["gzip", "br"])]).default(false),
  /** Uploads in flight at once. @default 16 */
  concurrency: z.number().int().min(1).max(128).default(16),
  /** Milliseconds one try of one request may take before it is retried. @default 30000 */
  requestTimeout: z.number().int().min(100).default(30_000),
  /** Milliseconds the whole deploy may take before it stops with KILN_S3_DEADLINE. @default 1800000 */
  deadline: z.number().int().min(100).default(1_800_000),
  /**
   * A shell command run after a deploy that changed files; it gets the JSON list of changed
   * URLs on stdin and its path in KILN_INVALIDATE_FILE (purge a CDN with it). @default none
   */
  invalidateCommand: z.string().min(1).optional(),
});

const cacheSchema = z.strictObject({
  /**
   * A bucket and prefix where `kiln build` fetches Kiln's caches (encoded images, source
   * responses) before building and stores new ones after: a warm build on a CI
   * runner with an empty disk. @default none
   */
  remote: bucketSchema.optional(),
});

/** The one definition of Kiln's config. Defaults live here and nowhere else. */
/** A directive's extra sources: no spaces, `;` or `,`, which would break out of the policy. */
const cspSources = z.record(
  z.string().regex(/^[a-z-]+$/, "a CSP directive name such as script-src"),
  z.array(z.string().regex(/^[^\s;,]+$/, "one CSP source, without spaces, ; or ,")),
);
const checkLevel = z.enum(["error", "warn"]).or(z.literal(false));
/** One check's settings: a level, false, or a level with ignored URL globs and rule levels. */
const checkOptions = checkLevel.or(
  z.strictObject({
    /** "error" keeps each rule's default level, "warn" turns all down, false turns off. @default "error" */
    level: checkLevel.optional(),
    /** URL globs (`/drafts/**`) of pages and links the check skips. @default [] */
    ignore: z.array(z.string()).default([]),
    /** Per-rule levels by rule id (see the Checks guide). @default {} */
    rules: z.record(z.string(), checkLevel).default({}),
  }),
);

export const configSchema = z.strictObject({
  /** The site's identity: origin, name, language, description. */
  site: siteSchema.prefault({}),
  /** Where the built site is written, relative to the project root. @default "dist" */
  outDir: z.string().min(1).default("dist"),
  /** Files copied to the output as they are. @default "public" */
  publicDir: z.string().min(1).default("public"),
  /** Content collections by name. Folders under src/content/ are collections too. */
  collections: z.record(collectionName, collectionSchema).default({}),
  /** Markdown and MDX pages and entries (the markdown stage). */
  markdown: markdownSchema.prefault({}),
  /** Browser code, styles and prefetching (the assets stage). */
  assets: assetsSchema.prefault({}),
  /**
   * Content sources besides the files in src/content/: `jsonSource(...)`, `wordpressSource(...)`
   * or any object `{ name, load(context) }`. They run in order, after the file source.
   * @default []
   */
  sources: z
    .array(
      z.custom<{ name: string; load(context: never): Promise<void> }>(
        (value) =>
          typeof value === "object" &&
          value !== null &&
          typeof (value as { name?: unknown }).name === "string" &&
          typeof (value as { load?: unknown }).load === "function",
        "expected a source such as jsonSource({ ... }): an object with a name and a load() function",
      ),
    )
    .default([]),
  /**
   * Plugins, `{ name, hooks }` objects (see `definePlugin`), run in order after Kiln's own
   * (sitemap, robots.txt). @default []
   */
  plugins: z
    .array(
      z.custom<{ name: string; hooks: object }>(
        (value) =>
          typeof value === "object" &&
          value !== null &&
          typeof (value as { name?: unknown }).name === "string" &&
          typeof (value as { hooks?: unknown }).hooks === "object" &&
          (value as { hooks?: unknown }).hooks !== null,
        "expected a plugin: an object with a name and hooks, such as definePlugin({ name, hooks })",
      ),
    )
    .default([]),
  /** Checks of the built site that fail the build ("error"), only print ("warn") or are off. */
  checks: z
    .strictObject({
      /**
       * Every internal href, src and srcset must lead to a file of the output, and every
       * #fragment to an id on its page (rules `link-target`, `link-fragment`). A level, false,
       * or `{ level, ignore: ["/legacy/**"], rules }`: `ignore` skips pages and links whose URL
       * matches a glob. @default "error"
       */
      links: checkOptions.default("error"),
      /**
       * Images without alt, no lang or <title>, skipped heading levels, links and buttons
       * without a name, duplicate ids, form controls without a label. A level, false, or
       * `{ level, ignore, rules: { "heading-order": "warn" } }`; each rule's own default is in
       * the Checks guide (heading-order warns). @default "error"
       */
      a11y: checkOptions.default("error"),
      /**
       * Problems in entries from remote sources (a CMS): the repository cannot fix them, so
       * they warn and are listed in `.kiln/reports/checks.json` for the content team.
       * "error" fails the build on them. @default "warn"
       */
      remote: z.enum(["error", "warn"]).default("warn"),
    })
    .prefault({}),
  /**
   * `_headers` (Netlify, Cloudflare Pages) and `_headers.nginx.conf` with a strict
   * Content-Security-Policy per page (hashes of its inline scripts and styles, no
   * `'unsafe-inline'`) and hardening headers. A public/_headers wins. @default true
   */
  headers: z.boolean().default(true),
  /**
   * Sources added to the generated Content-Security-Policy, per directive: site-wide in
   * `directives` (`{ "script-src": ["https://www.googletagmanager.com"] }`) and on the pages
   * whose URL matches a glob in `routes` (`{ "/maps/**": { "frame-src": ["https://maps.example"] } }`).
   * The build warns about external scripts, styles, fonts, frames, images and form targets a
   * page's policy would still block. @default {}
   */
  csp: z
    .strictObject({
      /** Directive → sources added on every page. @default {} */
      directives: cspSources.default({}),
      /** URL glob → directive → sources added on the pages it matches. @default {} */
      routes: z.record(z.string(), cspSources).default({}),
    })
    .prefault({}),
  /**
   * Also put each page's Content-Security-Policy in a `<meta http-equiv>` tag at the top of its
   * `<head>`, for hosts that cannot send headers (GitHub Pages, a bare bucket). A meta policy
   * cannot carry `frame-ancestors`, `sandbox` or `report-uri`; headers remain the stronger
   * choice where the host allows them. @default false
   */
  cspMeta: z.boolean().default(false),
  /**
   * `sitemap.xml` of every indexable page (not the 404 page, not `noindex` ones), split into
   * a sitemap index past 45,000 URLs. Needs `site.url`. @default true
   */
  sitemap: z.boolean().default(true),
  /**
   * `robots.txt` naming the sitemap, when `site.url` is set. `rules` are its groups; false
   * writes none. A public/robots.txt wins.
   * @default { rules: [{ userAgent: "*", allow: ["/"] }] }
   */
  robots: z
    .union([
      z.literal(false),
      z.strictObject({
        /** The groups of robots.txt, in order. */
        rules: z
          .array(
            z.strictObject({
              /** The crawler the group is for (`*`: all). */
              userAgent: z.string().min(1),
              /** Path prefixes it may crawl. @default [] */
              allow: z.array(z.string()).default([]),
              /** Path prefixes it may not crawl. @default [] */
              disallow: z.array(z.string()).default([]),
            }),
          )
          .default([{ userAgent: "*", allow: ["/"], disallow: [] }]),
      }),
    ])
    .prefault({}),
  /**
   * RSS 2.0 (`rss.xml`), Atom (`atom.xml`) and JSON Feed (`feed.json`) files from a collection,
   * in `dir` (default: the site's root). Entries need a page and a `date`; drafts are left out.
   * Needs `site.url`. @default []
   */
  feeds: z
    .array(
      z.strictObject({
        /** The collection whose entries the feed lists. */
        collection: collectionName,
        /** Folder of the three files, relative to the output. @default "" */
        dir: z
          .string()
          .regex(/^(?:[a-z0-9_-]+\/)*[a-z0-9_-]*$/i, "a folder such as blog or blog/en")
          .default(""),
        /** The feed's title. @default site.title */
        title: z.string().optional(),
        /** The feed's description. @default site.description, else the title */
        description: z.string().optional(),
        /** `"full"` puts each entry's HTML in the feed; `"summary"` only its description. @default "full" */
        content: z.enum(["full", "summary"]).default("full"),
        /** Newest entries kept. @default 20 */
        limit: z.number().int().min(1).max(10_000).default(20),
      }),
    )
    .default([]),
  /**
   * A read-only JSON content API, static like the rest of the site, for other clients (a
   * native app, another site): per collection `<dir>/<name>/index.json` (the entries, paged,
   * with `next`), `<dir>/<name>/<id>.json` per entry and `<dir>/<name>/schema.json` (a JSON
   * Schema from the collection's zod schema), and `<dir>/index.json` naming them. Drafts
   * never; not in the sitemap. @default none
   */
  contentApi: z
    .strictObject({
      /** Folder of the API in the output. @default "api" */
      dir: z
        .string()
        .regex(/^[a-z0-9_-]+(?:\/[a-z0-9_-]+)*$/i, "a folder such as api or api/v1")
        .default("api"),
      /** Entries per list file. @default 100 */
      pageSize: z.number().int().min(1).max(10_000).default(100),
      /**
       * The collections published, each `{}` for every data field or `{ fields: [...] }` to
       * publish only those. `html: false` leaves out each entry's body HTML.
       */
      collections: z.record(
        collectionName,
        z.strictObject({
          /** Data fields published; the rest stay private to the site. @default every field */
          fields: z.array(z.string().min(1)).optional(),
          /** Each entry file carries its body rendered to HTML. @default true */
          html: z.boolean().default(true),
        }),
      ),
    })
    .optional(),
  /**
   * A static search index of every page (Pagefind), written to `pagefind/` in the output, for
   * a search island to query with no server. `{ exclude }` lists CSS selectors left out of
   * the index; mark a page's main content with `data-pagefind-body` to index only that.
   * @default false
   */
  search: z
    .union([
      z.boolean(),
      z.strictObject({
        /** CSS selectors of elements the index leaves out, such as `".sidebar"`. @default [] */
        exclude: z.array(z.string().min(1)).default([]),
      }),
    ])
    .default(false),
  /**
   * The site's languages. Pages under `src/pages/<locale>/` are that locale's, the rest the
   * default locale's (served from the root). Each page's `<html lang>` is its locale, and a
   * page that exists in several (`about.md`, `fr/about.md`) gets `<link rel="alternate"
   * hreflang>` to each, with `x-default`, in its head and in the sitemap. @default none
   */
  i18n: z
    .strictObject({
      /** The locale of the pages outside a locale's folder, served from the root; one of `locales`. */
      defaultLocale: z.string().regex(BCP47, "a BCP 47 tag such as en or pt-BR"),
      /** Every locale of the site, as BCP 47 tags; pages under `src/pages/<locale>/` are in it. */
      locales: z.array(z.string().regex(BCP47, "a BCP 47 tag such as en or pt-BR")).min(1),
    })
    .refine((i18n) => i18n.locales.includes(i18n.defaultLocale), {
      message: "defaultLocale must be one of locales",
      path: ["defaultLocale"],
    })
    .optional(),
  /**
   * Page URLs end in a slash (`/about/`, written to `about/index.html`), or with false they do
   * not (`/about`, written to `about.html`, which Netlify, Cloudflare Pages and GitHub Pages
   * serve at `/about` with no redirect; nginx needs `try_files $uri $uri.html $uri/`).
   * @default true
   */
  trailingSlash: z.boolean().default(true),
  /** `kiln dev` settings. */
  dev: devSchema.prefault({}),
  /** `kiln serve` settings. */
  serve: serveSchema.prefault({}),
  /**
   * Moved pages: `{ from: "/old-post/", to: "/posts/new/" }`, as are pages' front matter
   * `aliases: ["/old-post/"]`. The build writes them to `_redirects` (Netlify, Cloudflare
   * Pages) and as pages (see `redirectPages`); `kiln deploy` stores each as an object the
   * bucket's website endpoint answers with a 301. A redirect from a real page's URL is an error.
   * @default []
   */
  redirects: z
    .array(
      z.strictObject({
        /** The old path, starting with `/`. */
        from: z.string().regex(/^\/[^\s]*$/, "expected a site path starting with /"),
        /** Where it moved: a site path or an absolute URL. */
        to: z.string().min(1),
      }),
    )
    .default([]),
  /**
   * A small HTML page at each redirect's old URL (and each page's front matter `aliases`): a
   * meta refresh and a canonical link, for hosts that do not read `_redirects` (nginx, object
   * storage). Netlify serves such a page instead of its 301; set false there. @default true
   */
  redirectPages: z.boolean().default(true),
  /** `kiln deploy`: the bucket, HTTP headers and CDN hook. */
  deploy: deploySchema.prefault({}),
  /** Kiln's caches beyond `.kiln/`. */
  cache: cacheSchema.prefault({}),
});

export type KilnUserConfig = z.input<typeof configSchema>;
export type ResolvedConfig = z.output<typeof configSchema>;
export type CollectionConfig = z.output<typeof collectionSchema>;
export type ResolvedBucketOptions = z.output<typeof bucketSchema>;
export type ResolvedDeployOptions = z.output<typeof deploySchema>;
