import type { ErrorDetails } from "./catalog.js";

/** Where in a user's file an error happened. Line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** The one error class for mistakes a user can make; anything else is a bug in Kiln. */
export class KilnError extends Error {
  override readonly name = "KilnError";
  readonly code: string;
  readonly title: string;
  readonly hint: string | undefined;
  /** Filled in by whichever layer knows the file, when the thrower did not. */
  location: SourceLocation | undefined;

  constructor(details: ErrorDetails, location?: SourceLocation, options?: ErrorOptions) {
    super(details.message, options);
    this.code = details.code;
    this.title = details.title;
    this.hint = details.hint;
    this.location = location;
  }

  /** Points the error at `location` unless it already points somewhere more precise. */
  within(location: SourceLocation): this {
    this.location ??= location;
    return this;
  }

  static is(value: unknown): value is KilnError {
    return value instanceof KilnError;
  }
}
