import path from "node:path";
import { createInterface } from "node:readline/promises";
import { KilnError, catalog } from "../errors/index.js";
import { TEMPLATES, initProject } from "../init/index.js";

interface InitCommand {
  dir: string | undefined;
  template: string | undefined;
  force: boolean;
  url?: string | undefined;
}

export interface InitStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/**
 * `kiln init`: on a terminal, asks for what the flags left out; anywhere else (CI, a pipe)
 * the template must be given and the folder defaults to the current one, never a guess.
 */
export async function runInit(
  command: InitCommand,
  streams: InitStreams = { input: process.stdin, output: process.stdout },
): Promise<number> {
  let { dir, template, url } = command;
  if (dir === undefined || template === undefined || url === undefined) {
    if (streams.input.isTTY) {
      const answers = await askInitOptions({ dir, template, url }, streams);
      if (!answers) {
        streams.output.write("\nkiln init stopped; nothing was written.\n");
        return 130;
      }
      ({ dir, template, url } = answers);
    } else if (template === undefined) {
      throw new KilnError(
        catalog.InitNeedsFlags({
          missing: dir === undefined ? "a folder and --template" : "--template",
        }),
      );
    }
  }
  if (url === "") url = undefined;
  if (url !== undefined && !isSiteUrl(url)) {
    throw new KilnError(
      catalog.UsageInvalid({
        problem: `--url "${url}" is not an http(s) address such as https://example.org`,
      }),
    );
  }
  const result = await initProject({ dir: dir ?? ".", template, force: command.force, url });
  const where = path.relative(process.cwd(), result.root);
  const cd = where === "" ? [] : [`  cd ${/\s/.test(where) ? JSON.stringify(where) : where}`];
  streams.output.write(
    [
      `Created ${where || "this folder"} from the ${template} template (${result.files.length} files).`,
      "",
      "Next:",
      ...cd,
      "  npm install",
      "  npx kiln dev",
      ...(url === undefined
        ? [
            "",
            "No site URL given: set site.url in kiln.config.ts for a sitemap, feeds and canonical links.",
          ]
        : []),
      "",
    ].join("\n"),
  );
  return 0;
}

/**
 * Asks for the folder and the template, offering a default for each (Enter takes it).
 * Undefined when the user leaves (Ctrl-C, or the input ends) before answering.
 */
export async function askInitOptions(
  given: { dir: string | undefined; template: string | undefined; url?: string | undefined },
  streams: InitStreams,
): Promise<{ dir: string; template: string; url: string } | undefined> {
  const prompt = createInterface({ input: streams.input, output: streams.output });
  // Lines read from the iterator are buffered, so answers typed (or piped) ahead are kept;
  // Ctrl-C or the end of the input ends it, where question() would wait forever.
  prompt.once("SIGINT", () => prompt.close());
  const lines = prompt[Symbol.asyncIterator]();
  const ask = async (query: string): Promise<string | undefined> => {
    prompt.setPrompt(query);
    prompt.prompt();
    const line = await lines.next();
    return line.done ? undefined : String(line.value).trim();
  };
  try {
    let dir = given.dir;
    if (dir === undefined) {
      const answer = await ask("Project folder (my-site): ");
      if (answer === undefined) return undefined;
      dir = answer || "my-site";
    }
    let template = given.template;
    if (template === undefined) {
      const choices = TEMPLATES.map((t) => `  ${t.name.padEnd(8)} ${t.description}`).join("\n");
      streams.output.write(`Templates:\n${choices}\n`);
      const answer = await ask(`Template (${TEMPLATES[0].name}): `);
      if (answer === undefined) return undefined;
      template = answer || TEMPLATES[0].name;
    }
    let url = given.url;
    if (url === undefined) {
      const answer = await ask("Site URL, such as https://example.org (Enter: set it later): ");
      if (answer === undefined) return undefined;
      url = answer;
    }
    return { dir, template, url };
  } finally {
    prompt.close();
  }
}

function isSiteUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
