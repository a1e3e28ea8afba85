/** Pinned accounts first, each group in the user's stored order (a stable partition, no re-sorting). */
export function pinnedFirst<T extends { pinned?: boolean }>(accounts: readonly T[]): T[] {
  return [...accounts.filter((a) => a.pinned === true), ...accounts.filter((a) => a.pinned !== true)];
}
