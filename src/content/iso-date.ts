import { z } from "zod";

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The date an ISO 8601 string names, or undefined when it names none: `2024-02-31` is
 * refused, where `new Date()` (and so `z.coerce.date()`) quietly made it 2 March.
 */
export function parseIsoDate(text: string): Date | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const calendar = new Date(Date.UTC(year!, month! - 1, day));
  const real =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month! - 1 &&
    calendar.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!real) return undefined;
  const date = new Date(
    match[4] === undefined ? `${match[0].slice(0, 10)}T00:00:00Z` : text.trim(),
  );
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A collection schema field for dates: a Date (TOML and YAML timestamps) or an ISO 8601
 * string, checked against the calendar. Use it instead of `z.coerce.date()`.
 */
export function isoDate() {
  return (
    z
      .union([z.date(), z.string()])
      .transform((value, context) => {
        const date = value instanceof Date ? value : parseIsoDate(value);
        if (date && !Number.isNaN(date.getTime())) return date;
        context.addIssue({
          code: "custom",
          message: `${JSON.stringify(value instanceof Date ? "an invalid date" : value)} is not a real date; write it as YYYY-MM-DD or an ISO 8601 date-time`,
        });
        return z.NEVER;
      })
      // Says what comes out, so a JSON Schema of the data (the content API's) calls it a date.
      .pipe(z.date())
  );
}
