/**
 * Reordering as pure functions over id lists, so drag-and-drop and the
 * keyboard (Alt+Arrow) share one implementation.
 */

/** Moves `id` to just before (`'before'`) or after `targetId`. Unknown ids leave the order as it was. */
export function moveRelative(
  ids: readonly string[],
  id: string,
  targetId: string,
  where: 'before' | 'after',
): string[] {
  if (id === targetId || !ids.includes(id) || !ids.includes(targetId)) return [...ids];
  const without = ids.filter((x) => x !== id);
  const at = without.indexOf(targetId) + (where === 'after' ? 1 : 0);
  return [...without.slice(0, at), id, ...without.slice(at)];
}

/**
 * One step up or down among the ids the user can see (a search may hide some):
 * the account jumps over its visible neighbour, hidden ones keep their place.
 */
export function moveByStep(ids: readonly string[], visible: readonly string[], id: string, step: -1 | 1): string[] {
  const at = visible.indexOf(id);
  const neighbour = visible[at + step];
  if (at < 0 || neighbour === undefined) return [...ids];
  return moveRelative(ids, id, neighbour, step < 0 ? 'before' : 'after');
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
