import { parseArgs } from "node:util";
import { KilnError, catalog } from "../errors/index.js";
import { parseShardSpec, type ShardSpec } from "../shard/index.js";

export type Command =
  | {
      name: "build";
      root: string;
      outDir: string | undefined;
      debug: boolean;
      offline: boolean;
      workers: number | undefined;
      shard: ShardSpec | undefined;
      verify: boolean;
    }
  | { name: "merge"; inputs: string[]; outDir: string; debug: boolean }
  | { name: "check"; root: string; debug: boolean; offline: boolean; format: "text" | "json" }
  | { name: "serve"; root: string; outDir: string | undefined; port: number; debug: boolean }
  | {
      name: "dev";
      root: string;
      outDir: string | undefined;
      port: number;
      host: string | undefined;
      debug: boolean;
    }
  | {
      name: "deploy";
      root: string;
      outDir: string | undefined;
      dryRun: boolean;
      maxDeletes: number | undefined;
      debug: boolean;
    }
  | {
      name: "init";
      /** Undefined when not given: asked on a terminal. */
      dir: string | undefined;
      template: string | undefined;
      force: boolean;
      /** Undefined when not given: asked on a terminal. */
      url: string | undefined;
      debug: boolean;
    }
  | { name: "help" }
  | { name: "version" };

export const USAGE = `Usage: kiln <command> [root] [options]

Commands:
  init [dir]     Start a new project in dir from a starter (asks on a terminal)
  build [root]   Build the site in root (default: the current folder) into its outDir
  serve [root]   Serve the built site on 127.0.0.1 to preview it
  dev [root]     Serve the site on 127.0.0.1:4321 while you edit it, reloading the browser
  check [root]   Find every problem at once: the project's types (tsc --noEmit, with its
                 tsconfig.json and typescript), entries against their collection schemas,
                 and the built site's links and accessibility (built into a temp folder;
                 dist is not touched). Exit code 1 if there is any
  deploy [root]  Upload the built output to the config's deploy.s3 bucket (changed files only)
  merge <dirs…> --out <dir>
                 Join the outputs of \`build --shard 1/n\` … \`n/n\` into one site

Options:
  --template <name>
                 init: the starter, blog, docs or minimal
  --force        init: write into a folder that is not empty (its other files stay)
  --url          init: the site's address, https://example.org (sitemap, feeds, canonical links)
  --out <dir>    Output folder, relative to root (default: the config's outDir, "dist")
  --format json  check: print every problem as one JSON object on stdout (for CI annotations)
  --offline      build, check: remote sources use only their cache in .kiln/, no network
  --port <n>     Port for serve (default: 4173) or dev (default: 4321, or the next free one)
  --host <addr>  Address dev listens on (default: 127.0.0.1); other machines can then reach it
  --workers <n>  Render threads for build; 0 renders on the main thread (default: one per CPU
                 for sites of 400 pages or more)
  --shard <i/n>  Build only shard i of n (1-based): the pages whose output path hashes to it
  --verify       build: then build again cold in a temporary folder and fail, naming the
                 files, if the output differs by a byte (proves the incremental build)
  --dry-run      deploy: print the plan (uploads, deletions, bytes) and change nothing
  --max-deletes <n>
                 deploy: refuse to delete more than n files from the bucket (default: 256)
  --debug        Show stack traces
  -h, --help     Show this help
  -v, --version  Show Kiln's version
`;

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        workers: { type: "string" },
        shard: { type: "string" },
        debug: { type: "boolean", default: false },
        offline: { type: "boolean", default: false },
        verify: { type: "boolean", default: false },
        "dry-run": { type: "boolean", default: false },
        "max-deletes": { type: "string" },
        template: { type: "string" },
        format: { type: "string" },
        url: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new KilnError(catalog.UsageInvalid({ problem: (error as Error).message }));
  }
  const { values, positionals } = parsed;
  if (values.version) return { name: "version" };
  const [name, root = ".", ...extra] = positionals;
  if (values.help || name === undefined || name === "help") return { name: "help" };
  if (name === "merge") return parseMerge(positionals.slice(1), values.out, values.debug);
  if (name === "init" && extra.length === 0) {
    const dir = positionals[1];
    return {
      name,
      dir,
      template: values.template,
      force: values.force,
      url: values.url,
      debug: values.debug,
    };
  }
  if (extra.length > 0)
    throw new KilnError(catalog.UsageInvalid({ problem: `unexpected argument "${extra[0]}"` }));
  const common = { root, outDir: values.out, debug: values.debug };
  switch (name) {
    case "build":
      return {
        name,
        ...common,
        offline: values.offline,
        workers: parseWorkers(values.workers),
        shard: parseShard(values.shard),
        verify: values.verify,
      };
    case "serve":
      return { name, ...common, port: parsePort(values.port) };
    case "check":
      return {
        name,
        root,
        debug: values.debug,
        offline: values.offline,
        format: parseFormat(values.format),
      };
    case "dev":
      return { name, ...common, port: parsePort(values.port, 4321), host: values.host };
    case "deploy":
      return {
        name,
        ...common,
        dryRun: values["dry-run"],
        maxDeletes: parseMaxDeletes(values["max-deletes"]),
      };
    default:
      throw new KilnError(catalog.UsageInvalid({ problem: `unknown command "${name}"` }));
  }
}

function parsePort(value: string | undefined, fallback = 4173): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new KilnError(
      catalog.UsageInvalid({ problem: `--port must be a number from 0 to 65535, got "${value}"` }),
    );
  }
  return port;
}

function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const workers = Number(value);
  if (!/^\d+$/.test(value) || workers > 256) {
    throw new KilnError(
      catalog.UsageInvalid({ problem: `--workers must be a number from 0 to 256, got "${value}"` }),
    );
  }
  return workers;
}

function parseMaxDeletes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new KilnError(
      catalog.UsageInvalid({ problem: `--max-deletes must be a whole number, got "${value}"` }),
    );
  }
  return Number(value);
}

function parseShard(value: string | undefined): ShardSpec | undefined {
  if (value === undefined) return undefined;
  const shard = parseShardSpec(value);
  if (!shard) {
    throw new KilnError(
      catalog.UsageInvalid({
        problem: `--shard must be i/n with 1 ≤ i ≤ n, such as 2/4, got "${value}"`,
      }),
    );
  }
  return shard;
}

function parseMerge(inputs: string[], out: string | undefined, debug: boolean): Command {
  if (inputs.length === 0)
    throw new KilnError(catalog.UsageInvalid({ problem: "merge needs the shard output folders" }));
  if (out === undefined)
    throw new KilnError(catalog.UsageInvalid({ problem: "merge needs --out <dir>" }));
  return { name: "merge", inputs, outDir: out, debug };
}

function parseFormat(format: string | undefined): "text" | "json" {
  if (format === undefined || format === "text" || format === "json") return format ?? "text";
  throw new KilnError(
    catalog.UsageInvalid({ problem: `--format is "text" or "json", not "${format}"` }),
  );
}
