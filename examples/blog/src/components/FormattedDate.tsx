/** Formatted in UTC so the output is the same on every machine. */
export function FormattedDate({ date }: { date: Date }) {
  const text = date.toLocaleDateString("en-GB", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  return <time datetime={date.toISOString().slice(0, 10)}>{text}</time>;
}
