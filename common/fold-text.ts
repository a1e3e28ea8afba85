/**
 * How a typed query and a stored label are compared, in the app's search box
 * and in the CLI's QUERY alike: case and accents do not matter, so "zurich"
 * finds "Zürich" and "bo" finds "Bø". Pure string code: the renderer imports
 * it too.
 */

// Letters that Unicode does not decompose into base + accent but people type without it.
const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l', œ: 'oe', ı: 'i' };

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæßđłœı]/g, (c) => FOLD[c] ?? c);
}
