/**
 * What a thrown value says, for an error message. Never throws itself: user code may throw
 * `Object.create(null)` (no toString), or an object whose `toString` or `message` throws, and
 * turning that into a message must not become Kiln's internal error.
 */
export function thrownReason(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    try {
      return `${Object.prototype.toString.call(error)} (a thrown value that cannot be shown)`;
    } catch {
      return "a thrown value that cannot be shown";
    }
  }
}
