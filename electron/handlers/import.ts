/**
 * transfer.import*: "Import from another app". Main shows the open dialog
 * (through services.chooseImportFile, so the web bridge and tests can answer
 * it without Electron), reads and parses the file, and keeps it under a token
 * while the user types a password or forces a format; a preview goes back
 * without secrets; commit writes the ticked accounts with the vault's
 * all-or-nothing addMany. Google Authenticator transfer codes arrive through
 * enroll.preview (transferStep below) and are committed here the same way.
 * The password is used for one parse and never stored, logged or echoed.
 */
import path from 'node:path';
import { AuthdeskError, type ErrorCode } from '../../common/errors';
import type { AccountDraft, AccountMeta } from '../../common/otp/types';
import type { Channel } from '../../common/ipc/contract';
import { asksForPassword, type ImportStep } from '../../common/transfer-import';
import {
  IMPORT_FORMAT_LIST,
  parseImport,
  previewImport,
  readImportBytes,
  type ImportPreview,
} from '../../core/transfer/index';
import type { Vault } from '../../core/vault/types';
import { ImportSessions, type HeldImport } from './import-sessions';
import { previewView, progressView } from './import-view';
import type { HandlerGroup, Services } from './types';

/** Errors that leave the file held: the user can type a password (asksForPassword), pick a format, or give up. */
const retryable = (code: ErrorCode): boolean =>
  asksForPassword(code) || code === 'damaged-file' || code === 'unknown-format';

export function importHandlers(
  { vault, chooseImportFile }: Services,
  sessions: ImportSessions,
): Pick<HandlerGroup<'transfer'>, Extract<Channel, `transfer.import${string}`>> {
  return {
    'transfer.importFormats': async () => IMPORT_FORMAT_LIST.map(({ id, name }) => ({ id, name })),
    'transfer.importFile': async ({ format }) => {
      if (!chooseImportFile) throw new AuthdeskError('unsupported', 'Choosing a file to import is not available here.');
      const file = await chooseImportFile();
      if (file === null) return { status: 'cancelled' };
      const bytes = await readImportBytes(file);
      const token = sessions.put({ kind: 'file', fileName: path.basename(file), bytes, preview: null });
      return fileStep(vault, sessions, token, { format });
    },
    'transfer.importRetry': async ({ token, format, password }) => {
      if (sessions.get(token).kind !== 'file')
        throw new AuthdeskError('bad-input', 'Only a file can be read again; scan the transfer code instead.');
      return fileStep(vault, sessions, token, { format, password });
    },
    'transfer.importCommit': async ({ token, include }) => {
      const held = sessions.get(token);
      if (!held.preview) throw new AuthdeskError('bad-input', 'This import has no preview yet: nothing to write.');
      const added = await commitChosen(vault, held.preview, include);
      sessions.delete(token);
      return added;
    },
    'transfer.importDiscard': async ({ token }) => sessions.delete(token),
  };
}

async function fileStep(
  vault: Vault,
  sessions: ImportSessions,
  token: string,
  options: { format?: string; password?: string },
): Promise<ImportStep> {
  const held = sessions.get(token) as Extract<HeldImport, { kind: 'file' }>;
  held.preview = null;
  try {
    const result = await parseImport(held.bytes, held.fileName, options);
    held.preview = await previewImport(vault, result);
  } catch (err) {
    if (err instanceof AuthdeskError && retryable(err.code))
      return { status: 'problem', token, fileName: held.fileName, error: { code: err.code, message: err.message } };
    sessions.delete(token); // anything else (too large, keychain): the file is of no further use
    throw err;
  }
  return { status: 'preview', token, fileName: held.fileName, preview: previewView(held.preview), transfer: null };
}

/** A transfer code scanned, pasted or dropped: joins the open batch; the preview shows the parts so far. */
export async function transferStep(
  vault: Vault,
  sessions: ImportSessions,
  text: string,
): Promise<Extract<ImportStep, { status: 'preview' }>> {
  const { token, collector } = sessions.addTransferPart(text);
  const held = sessions.get(token);
  const preview = await previewImport(vault, collector.scannedResult());
  held.preview = preview;
  return {
    status: 'preview',
    token,
    fileName: preview.formatName,
    preview: previewView(preview),
    transfer: progressView(collector.progress()),
  };
}

/**
 * Writes the items the user ticked, all or nothing. A ticked duplicate (of the vault, or of an
 * earlier ticked item) is kept as a second account named "name (2)", since the vault refuses
 * exact copies; anything else that collides is refused by addMany with nothing written.
 */
async function commitChosen(vault: Vault, preview: ImportPreview, include: number[]): Promise<AccountMeta[]> {
  const chosen = [...new Set(include)].sort((a, b) => a - b);
  const bad = chosen.find((i) => i >= preview.items.length);
  if (bad !== undefined) throw new AuthdeskError('bad-input', `This import has no entry number ${bad + 1}.`);
  if (!chosen.length) return [];
  const drafts: AccountDraft[] = chosen.map((i) => {
    const { entry, duplicateOf, repeatsEntry } = preview.items[i]!;
    const { groups: _groups, note: _note, ...draft } = entry;
    const copy = duplicateOf !== null || (repeatsEntry !== null && chosen.includes(repeatsEntry));
    return copy ? { ...draft, name: `${draft.name} (2)` } : draft;
  });
  return vault.addMany(drafts);
}
