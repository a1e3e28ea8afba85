/**
 * JSON from files other people made. JSON.parse itself never pollutes a
 * prototype, but a parsed `{"__proto__": ...}` is an own property that later
 * Object.assign / `target[key] = value` copies WOULD turn into a prototype
 * change. So such keys are dropped at the door, before any code sees them.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseJsonSafely(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
}

/** The JSON of a text, or undefined when the text is not JSON (no throw: detection asks every format). */
export function tryParseJson(text: string | null): unknown {
  if (text === null) return undefined;
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return parseJsonSafely(trimmed);
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
