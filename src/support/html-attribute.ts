const NAMED: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };

/**
 * An attribute value of Kiln's own HTML as a browser reads it: numeric references and the five
 * names preact-render-to-string and markdown-it write are decoded.
 */
export function decodeAttribute(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(
    /&(?:#(\d+)|#x([0-9a-f]+)|(amp|quot|apos|lt|gt));/gi,
    (_, dec, hex, name) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex as string, 16));
      return NAMED[(name as string).toLowerCase()]!;
    },
  );
}
