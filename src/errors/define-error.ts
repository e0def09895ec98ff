/** How a catalog entry is made: the one shape every error of Kiln has. */

/** One error, with its arguments filled in. */
export interface ErrorDetails {
  readonly code: string;
  readonly title: string;
  readonly message: string;
  readonly hint: string | undefined;
}

export interface ErrorDefinition<A> {
  code: string;
  title: string;
  /**
   * Why the error happens, for the error reference of the docs (`npm run docs:gen`); the
   * terminal shows the message and hint, which say what happened here and what to do.
   */
  cause?: string;
  message: (args: A) => string;
  /** What to do; may say nothing for some arguments (undefined). */
  hint?: (args: A) => string | undefined;
}

/** A catalog entry: call it with its arguments; `code` and `cause` are there for tests and docs. */
export type CatalogEntry<A> = ((args: A) => ErrorDetails) & {
  readonly code: string;
  readonly cause: string | undefined;
};

export function define<A = void>(definition: ErrorDefinition<A>): CatalogEntry<A> {
  const entry = (args: A): ErrorDetails => ({
    code: definition.code,
    title: definition.title,
    message: definition.message(args),
    hint: definition.hint?.(args),
  });
  return Object.assign(entry, { code: definition.code, cause: definition.cause });
}
