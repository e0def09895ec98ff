/** What GraphQL allows as a name: `[_A-Za-z][_0-9A-Za-z]*`. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

export function isGraphqlName(text: string): boolean {
  return NAME.test(text) && !text.startsWith("__");
}

/** A data key as a field name: other characters become `_` (`og-image` → `og_image`). */
export function fieldName(key: string): string {
  const name = key.replace(/[^_0-9A-Za-z]/g, "_");
  return /^[0-9]/.test(name) || name.startsWith("__") || name === "" ? `_${name}` : name;
}

/** `blog-posts` → `BlogPosts`. */
export function pascalCase(text: string): string {
  const words = text.split(/[^0-9A-Za-z]+/).filter(Boolean);
  const name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
  return /^[0-9]/.test(name) || name === "" ? `_${name}` : name;
}

/** A collection's entry type: its name made singular (`posts` → `Post`, `categories` → `Category`). */
export function singular(text: string): string {
  if (/ies$/i.test(text)) return `${text.slice(0, -3)}y`;
  if (/[^s]s$/i.test(text)) return text.slice(0, -1);
  return text;
}

/** Hands out names once each: a second `PostSeo` becomes `PostSeo2`. */
export function createNamer(): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted}${n}`;
    taken.add(name);
    return name;
  };
}
