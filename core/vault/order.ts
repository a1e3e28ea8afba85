/**
 * The rule behind `vault.reorder` (the app's drag and Alt+arrow moves): `ids`
 * first, in that order; everything else after them in its old relative order.
 * Unknown ids are ignored.
 */
export function orderBy<T extends { id: string }>(items: T[], ids: string[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const first: T[] = [];
  for (const id of new Set(ids)) {
    const item = byId.get(id);
    if (item) first.push(item);
  }
  const named = new Set(first.map((i) => i.id));
  return [...first, ...items.filter((i) => !named.has(i.id))];
}
