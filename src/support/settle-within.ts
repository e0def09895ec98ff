export interface SettleWithinOptions {
  /** How long the work may take. */
  limitMs: number;
  /** Ctrl-C or TERM: stop waiting at once, rejecting with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** The error when the limit passed ("time") or nothing is left that could settle it ("never"). */
  onLimit: (why: "time" | "never") => Error;
  /** Called when the wait is given up (to terminate what runs the work). */
  onGiveUp?: (() => void) | undefined;
}

/**
 * Waits for user code (a config's import, a plugin's hook) without letting it hang the
 * command: a promise that never settles exited Node silently (code 13) and left the lock and
 * the staging folder behind, and an interrupt had nothing to stop.
 */
export function settleWithin<T>(work: Promise<T>, options: SettleWithinOptions): Promise<T> {
  const { signal } = options;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      process.off("beforeExit", drained);
      signal?.removeEventListener("abort", aborted);
      settle();
    };
    const giveUp = (error: unknown) => {
      options.onGiveUp?.();
      // The signal's own reason, so callers can tell an interrupt by identity.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      finish(() => reject(error));
    };
    // Unref'd: the limit alone must not keep the process alive; "beforeExit" says when
    // nothing else does, which means the work can never settle.
    const timer = setTimeout(() => giveUp(options.onLimit("time")), options.limitMs);
    timer.unref();
    const drained = () => giveUp(options.onLimit("never"));
    const aborted = () => giveUp(signal?.reason);
    process.on("beforeExit", drained);
    if (signal?.aborted) aborted();
    else signal?.addEventListener("abort", aborted, { once: true });
    work.then(
      (value) => finish(() => resolve(value)),
      // What the user's code rejected with, unchanged: the caller wraps it with its name.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** Seconds user code may run before Kiln gives up on it: `KILN_TIME_LIMIT`, default 120. */
export function timeLimitSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env["KILN_TIME_LIMIT"]);
  return Number.isFinite(value) && value > 0 ? value : 120;
}
