/** The name among `names` closest to `typed`, when it is close enough to be a typo. */
export function closestName(typed: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  const limit = Math.max(1, Math.floor(typed.length / 3));
  return best && best.distance <= limit ? best.name : undefined;
}

/** Edits between two names, a swap of two neighbours counting as one (`titel` → `title`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

interface SchemaNode {
  shape?: Record<string, SchemaNode>;
  _zod?: { def?: { innerType?: SchemaNode; in?: SchemaNode } };
}

/** The keys a strict object of the schema allows at `keys`, looking through defaults and transforms. */
export function knownKeysAt(schema: unknown, keys: readonly PropertyKey[]): string[] {
  let node = schema as SchemaNode | undefined;
  const unwrap = () => {
    while (node && !node.shape && (node._zod?.def?.innerType ?? node._zod?.def?.in))
      node = node._zod?.def?.innerType ?? node._zod?.def?.in;
  };
  for (const key of keys) {
    unwrap();
    node = typeof key === "string" ? node?.shape?.[key] : undefined;
  }
  unwrap();
  return node?.shape ? Object.keys(node.shape) : [];
}
