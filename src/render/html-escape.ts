const TEXT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const ATTRIBUTE: Record<string, string> = { ...TEXT, '"': "&quot;" };

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => TEXT[c]!);
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ATTRIBUTE[c]!);
}
