/**
 * Which format a file is in, from its content (never its name): every
 * importer sniffs; the first that claims it wins. Files we recognise but
 * cannot import get a specific "not supported"; anything else lists the
 * formats we know.
 */
import { AuthdeskError } from '../../common/errors';
import { IMPORTERS, importerFor, knownFormatsText } from './formats';
import { tryParseJson } from './safe-json';
import { refuseKnownUnsupported } from './unsupported';
import type { Importer, ImportInput } from './types';

/** Bigger than any real export (1,000 accounts of Aegis JSON with icons is ~5 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function importInput(bytes: Uint8Array, source: string): ImportInput {
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(source, bytes.length);
  const text = utf8OrNull(bytes);
  return { bytes, text, json: tryParseJson(text), source };
}

export function tooLarge(source: string, size: number): AuthdeskError {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return new AuthdeskError(
    'file-too-large',
    `${source} is ${mb(size)}: Authdesk imports files up to ${mb(MAX_IMPORT_BYTES)} (no authenticator export is that big).`,
  );
}

/** Words that betray which app wrote a JSON file, for naming a file too damaged to parse. */
const JSON_MARKERS: [RegExp, string][] = [
  [/"format"\s*:\s*"authdesk-backup"/, 'Authdesk backup'],
  [/"slots"\s*:/, 'Aegis'],
  [/"schemaVersion"\s*:/, '2FAS'],
  [/"Authenticators"\s*:/, 'Stratum / Authenticator Pro'],
  [/"tokenOrder"\s*:/, 'FreeOTP+'],
  [/"items"\s*:/, 'Bitwarden'],
];

/** A text that starts like JSON but does not parse is a damaged file, not an unknown format: say where it breaks. */
function refuseBrokenJson(input: ImportInput): void {
  const text = input.text?.trim() ?? '';
  if (input.json !== undefined || !(text.startsWith('{') || text.startsWith('['))) return;
  let detail = 'it is not complete JSON';
  try {
    JSON.parse(text);
  } catch (err) {
    const position = /position (\d+)/.exec(err instanceof Error ? err.message : '')?.[1];
    detail = position ? `it stops being valid JSON at character ${position}` : 'it is not complete JSON (cut short?)';
  }
  const app = JSON_MARKERS.find(([re]) => re.test(text))?.[1];
  throw new AuthdeskError(
    'damaged-file',
    `${input.source}${app ? ` (${app})` : ''} is damaged: ${detail}. Nothing was imported.`,
  );
}

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\u0000') ? null : text.replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

export function detectImporter(input: ImportInput, forced?: string): Importer {
  if (forced !== undefined) {
    const importer = importerFor(forced);
    if (!importer)
      throw new AuthdeskError(
        'unknown-format',
        `"${forced}" is not an import format. Known formats: ${knownFormatsText()}.`,
      );
    return importer;
  }
  refuseKnownUnsupported(input);
  refuseBrokenJson(input);
  const found = IMPORTERS.find((i) => i.detect(input));
  if (found) return found;
  throw new AuthdeskError(
    'unknown-format',
    `Authdesk does not recognise the format of ${input.source}. Known formats: ${knownFormatsText()}.`,
  );
}
