import { KilnError, catalog } from "../errors/index.js";
import type { SourceLogger } from "../content/index.js";
import type { HookName, KilnPlugin, PluginHooks } from "./plugin.js";
import { settleWithin, thrownReason, timeLimitSeconds } from "../support/index.js";

type HookContext<H extends HookName> = Omit<Parameters<NonNullable<PluginHooks[H]>>[0], "logger">;

/** Calls plugins' hooks: one runner, one order, one logger per plugin. */
export interface PluginRunner {
  readonly plugins: readonly KilnPlugin[];
  /** `context` is made per plugin, so what a plugin writes can be told apart from another's. */
  run<H extends HookName>(hook: H, context: (plugin: KilnPlugin) => HookContext<H>): Promise<void>;
}

/**
 * Plugins run one after the other in the order given (built-in ones first), so what one
 * writes the next can see. A plugin's throw becomes KILN_PLUGIN_FAILED naming it and the hook;
 * a KilnError it throws keeps its own code and location, with the plugin named in the message.
 */
export function createPluginRunner(
  plugins: readonly KilnPlugin[],
  logger: SourceLogger,
  /** Ctrl-C stops waiting for a hook; none runs longer than `timeLimitSeconds()`. */
  signal?: AbortSignal,
): PluginRunner {
  const seconds = timeLimitSeconds();
  const loggers = new Map(plugins.map((plugin) => [plugin, prefixed(plugin.name, logger)]));
  return {
    plugins,
    async run(hook, context) {
      for (const plugin of plugins) {
        const fn = plugin.hooks[hook] as ((context: unknown) => void | Promise<void>) | undefined;
        if (!fn) continue;
        try {
          await settleWithin(
            Promise.resolve(fn({ ...context(plugin), logger: loggers.get(plugin)! })),
            {
              limitMs: seconds * 1000,
              signal,
              onLimit: (why) =>
                new KilnError(catalog.HookTimedOut({ plugin: plugin.name, hook, why, seconds })),
            },
          );
        } catch (error) {
          if (signal?.aborted && error === signal.reason) throw error;
          if (error instanceof KilnError) {
            error.message = `${error.message} (in plugin ${plugin.name}, hook ${hook})`;
            throw error;
          }
          const reason = thrownReason(error);
          throw new KilnError(
            catalog.PluginFailed({ plugin: plugin.name, hook, reason }),
            undefined,
            {
              cause: error,
            },
          );
        }
      }
    },
  };
}

function prefixed(name: string, logger: SourceLogger): SourceLogger {
  return {
    info: (message) => logger.info(`[${name}] ${message}`),
    warn: (message) => logger.warn(`[${name}] ${message}`),
  };
}
