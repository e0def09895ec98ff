/** The config's `i18n`: the site's languages, the default one served from the root. */
export interface Locales {
  defaultLocale: string;
  locales: readonly string[];
}

/** What of a route its languages are made from and written to. */
interface LocalizedRoute {
  url: string;
  page: { isNotFound: boolean };
  locale?: string | undefined;
  alternates?: Alternate[] | undefined;
}

/** A version of a page in another language, for `hreflang`. */
export interface Alternate {
  /** A BCP 47 tag, or `x-default` for the default locale's page. */
  hreflang: string;
  url: string;
}

/**
 * The language of a page: the first segment of its URL when that names a locale other than
 * the default (`/fr/about/` → `fr`); the default locale everywhere else.
 */
export function localeOf(url: string, i18n: Locales): string {
  const first = url.split("/")[1] ?? "";
  return first !== i18n.defaultLocale && i18n.locales.includes(first) ? first : i18n.defaultLocale;
}

/** `/fr/about/` → `/about/`: the page's URL in the default locale. */
function unprefixed(url: string, locale: string, i18n: Locales): string {
  return locale === i18n.defaultLocale ? url : url.slice(locale.length + 1) || "/";
}

/**
 * Gives each route its locale and, when the same page exists in other locales (`/about/`,
 * `/fr/about/`), the list of its versions (itself included) and an `x-default`: what
 * `<link rel="alternate" hreflang>` and the sitemap's alternates are made of.
 */
export function assignLocales(routes: LocalizedRoute[], i18n: Locales): void {
  const versions = new Map<string, LocalizedRoute[]>();
  for (const route of routes) {
    if (route.page.isNotFound) continue;
    route.locale = localeOf(route.url, i18n);
    const key = unprefixed(route.url, route.locale, i18n);
    versions.set(key, [...(versions.get(key) ?? []), route]);
  }
  for (const group of versions.values()) {
    if (group.length < 2) continue;
    const alternates: Alternate[] = group.map((r) => ({ hreflang: r.locale!, url: r.url }));
    const fallback = group.find((r) => r.locale === i18n.defaultLocale);
    if (fallback) alternates.push({ hreflang: "x-default", url: fallback.url });
    for (const route of group) route.alternates = alternates;
  }
}
