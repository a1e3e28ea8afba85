/**
 * Characters that must never reach a terminal or be stored in a label: C0
 * controls (ESC starts terminal escape sequences: `\x1b]0;PWNED\x07` retitles
 * the terminal), DEL, C1 controls (U+009B is a one-byte CSI on some
 * terminals), the line/paragraph separators, and the bidirectional overrides,
 * embeddings, isolates and marks (they reorder what is shown: "Trojan Source").
 * Runtime-neutral: the parser, the vault, the CLI and the renderer share it.
 */

// One pattern, one place. `u` flag: code points, not UTF-16 units. Matching controls is the point here.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

export function hasUnsafeChars(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * A label without unsafe characters. White-space controls (tab, newlines)
 * become a space so words stay apart; everything else is dropped.
 */
export function stripUnsafeChars(text: string): string {
  return text.replace(UNSAFE_ALL, (c) => (/[\t\n\v\f\r\u2028\u2029]/.test(c) ? ' ' : ''));
}

/**
 * Text that is safe to print to a terminal: every unsafe character is shown
 * as a visible escape (`\x1b`, `\u202e`) instead of being acted on. `keep`
 * lists characters that pass through (the CLI keeps its own line breaks).
 */
export function printableText(text: string, keep = ''): string {
  return text.replace(UNSAFE_ALL, (c) => {
    if (keep.includes(c)) return c;
    const cp = c.codePointAt(0)!;
    return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}

/** JSON with unsafe characters escaped as \uXXXX (JSON.stringify leaves C1 and bidi characters raw). Still valid JSON. */
export function escapeUnsafeInJson(json: string): string {
  return json.replace(UNSAFE_ALL, (c) => (c === '\n' ? c : `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`));
}

// Made on first use: building one loads ICU's break rules (a few ms), and most CLI runs never cut a label.
let cachedSegmenter: Intl.Segmenter | null | undefined;
const graphemes = (): Intl.Segmenter | null =>
  (cachedSegmenter ??=
    typeof Intl !== 'undefined' && 'Segmenter' in Intl
      ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
      : null);

/**
 * At most `max` UTF-16 units, cut on a grapheme boundary: a flag, a family
 * emoji or an accented letter is kept whole or dropped whole, never halved.
 */
export function cutToGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  const segmenter = graphemes();
  if (!segmenter) {
    // No Intl.Segmenter: at least never split a surrogate pair.
    const cut = text.slice(0, max);
    return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
  }
  let end = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
