/**
 * Import = preview, then commit. readImport() parses a file (size-checked
 * before it is read); previewImport() marks what the vault already has (and
 * repeats inside the file) and leaves those out by default; commitImport()
 * writes the chosen entries with the vault's all-or-nothing batch add.
 */
import { open } from 'node:fs/promises';
import { AuthdeskError } from '../../common/errors';
import { sameDraft } from '../otp/account';
import type { AccountMeta } from '../../common/otp/types';
import { accountLabel } from '../vault/labels';
import type { Vault } from '../vault/types';
import { detectImporter, importInput, MAX_IMPORT_BYTES, tooLarge } from './detect';
import type { EntryProblem, ImportedEntry, ImportFormat, ImportResult, ParseOptions } from './types';

export interface ImportOptions extends ParseOptions {
  /** Skip detection: one of FORMAT_IDS. */
  format?: string;
}

/** Reads and parses a file. Files over the limit are refused from their size alone, without reading them. */
export async function readImport(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  return parseImport(await readImportBytes(file), file, options);
}

/** A file's bytes for importing (kept by the app while it asks for a password); size-checked before reading. */
export async function readImportBytes(file: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
    throw new AuthdeskError('bad-input', `${file} ${why}.`, { cause: err });
  }
  try {
    const stats = await handle.stat();
    const { size } = stats;
    if (stats.isDirectory()) throw new AuthdeskError('bad-input', `${file} is a folder, not a file to import.`);
    if (size > MAX_IMPORT_BYTES) throw tooLarge(file, size);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export async function parseImport(
  bytes: Uint8Array,
  source: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const input = importInput(bytes, source);
  const importer = detectImporter(input, options.format);
  return importer.parse(input, { password: options.password });
}

export interface PreviewItem {
  entry: ImportedEntry;
  /** The vault account this entry would duplicate. */
  duplicateOf: AccountMeta | null;
  /** An earlier entry of the same file is the same account. */
  repeatsEntry: number | null;
  /** Imported on commit unless changed: false for duplicates. */
  include: boolean;
}

export interface ImportPreview {
  format: ImportFormat;
  formatName: string;
  items: PreviewItem[];
  problems: EntryProblem[];
}

export async function previewImport(vault: Vault, result: ImportResult): Promise<ImportPreview> {
  const items: PreviewItem[] = [];
  for (const [i, entry] of result.entries.entries()) {
    const duplicateOf = await vault.findDuplicate(entry);
    const repeated = result.entries.slice(0, i).findIndex((e) => sameDraft(e, entry));
    const repeatsEntry = repeated >= 0 ? repeated : null;
    items.push({ entry, duplicateOf, repeatsEntry, include: duplicateOf === null && repeatsEntry === null });
  }
  return { format: result.format, formatName: result.formatName, items, problems: result.problems };
}

/** Writes the included entries, all or nothing. Returns the accounts added ([] when nothing was chosen). */
export async function commitImport(vault: Vault, preview: ImportPreview): Promise<AccountMeta[]> {
  const chosen = preview.items.filter((i) => i.include);
  const repeat = chosen.find((i) => i.repeatsEntry !== null && chosen.includes(preview.items[i.repeatsEntry]!));
  if (repeat) throw new AuthdeskError('duplicate', `${accountLabel(repeat.entry)} is twice in this import.`);
  if (!chosen.length) return [];
  return vault.addMany(chosen.map((i) => i.entry));
}
