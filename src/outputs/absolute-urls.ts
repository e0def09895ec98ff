/**
 * Makes every href, src and srcset URL in an HTML fragment absolute against the page it came
 * from, so a feed reader (which has no base URL) follows links and shows images.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  const resolve = (url: string): string => {
    const trimmed = url.trim();
    if (trimmed === "" || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(trimmed)) return url;
    try {
      return new URL(decodeEntities(trimmed), pageUrl).href.replace(/&/g, "&amp;");
    } catch {
      return url;
    }
  };
  return html
    .replace(
      /(\s(?:href|src|poster)\s*=\s*)(["'])(.*?)\2/gi,
      (_, lead: string, q: string, url: string) => `${lead}${q}${resolve(url)}${q}`,
    )
    .replace(/(\ssrcset\s*=\s*)(["'])(.*?)\2/gi, (_, lead: string, q: string, set: string) => {
      const candidates = set.split(",").map((candidate) => {
        const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
        return [resolve(url), ...descriptor].join(" ");
      });
      return `${lead}${q}${candidates.join(", ")}${q}`;
    });
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
