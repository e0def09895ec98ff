import { startDevServer } from "../dev/index.js";

/** `kiln dev`: runs until Ctrl-C; every mistake in the project is shown, none ends it. */
export async function runDev(command: {
  root: string;
  port: number;
  host: string | undefined;
  debug: boolean;
}): Promise<number> {
  const print = (text: string) => process.stderr.write(text);
  if (command.host !== undefined && command.host !== "127.0.0.1") {
    print(
      `warning: --host ${command.host} lets other machines on your network reach the dev server ` +
        `and read every page of the site being edited.\n`,
    );
  }
  const server = await startDevServer({
    root: command.root,
    port: command.port,
    host: command.host,
    debug: command.debug,
    print,
  });
  // Listening for Ctrl-C before printing the URL: whoever reads the URL may stop us at once.
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  process.stdout.write(`Kiln dev server at ${server.url} (Ctrl-C to stop)\n`);
  await stopped;
  await server.close();
  return 0;
}
