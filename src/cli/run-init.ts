import path from "node:path";
import { createInterface } from "node:readline/promises";
import { KilnError, catalog } from "../errors/index.js";
import { TEMPLATES, initProject } from "../init/index.js";

interface InitCommand {
  dir: string | undefined;
  template: string | undefined;
  force: boolean;
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
  let { dir, template } = command;
  if (dir === undefined || template === undefined) {
    if (streams.input.isTTY) {
      const answers = await askInitOptions({ dir, template }, streams);
      if (!answers) {
        streams.output.write("\nkiln init stopped; nothing was written.\n");
        return 130;
      }
      ({ dir, template } = answers);
    } else if (template === undefined) {
      throw new KilnError(
        catalog.InitNeedsFlags({
          missing: dir === undefined ? "a folder and --template" : "--template",
        }),
      );
    }
  }
  const result = await initProject({ dir: dir ?? ".", template, force: command.force });
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
  given: { dir: string | undefined; template: string | undefined },
  streams: InitStreams,
): Promise<{ dir: string; template: string } | undefined> {
  const prompt = createInterface({ input: streams.input, output: streams.output });
  // question() would wait forever once the input is gone; leaving aborts it instead.
  const leave = new AbortController();
  prompt.once("SIGINT", () => leave.abort());
  prompt.once("close", () => leave.abort());
  const ask = async (query: string) =>
    (await prompt.question(query, { signal: leave.signal })).trim();
  try {
    const dir = given.dir ?? ((await ask("Project folder (my-site): ")) || "my-site");
    let template = given.template;
    if (template === undefined) {
      const choices = TEMPLATES.map((t) => `  ${t.name.padEnd(8)} ${t.description}`).join("\n");
      streams.output.write(`Templates:\n${choices}\n`);
      template = await ask(`Template (${TEMPLATES[0].name}): `);
    }
    return { dir, template: template || TEMPLATES[0].name };
  } catch (error) {
    if (leave.signal.aborted) return undefined;
    throw error;
  } finally {
    prompt.close();
  }
}
