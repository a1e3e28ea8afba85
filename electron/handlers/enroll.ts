/**
 * enroll.*: the QR/link enrollment flow. preview parses in main and parks the
 * draft under a token; save adds it (with the names the person chose);
 * discard drops it. The renderer sees a preview without the secret.
 */
import { accountPreview, describeQrText } from '../../core/otp/index';
import { isMigrationUri } from '../../core/transfer/index';
import { transferStep } from './import';
import { ImportSessions } from './import-sessions';
import { PendingDrafts } from './pending-drafts';
import type { HandlerGroup, Services } from './types';

export function enrollHandlers(
  { vault, clock }: Services,
  pending = new PendingDrafts(clock),
  imports = new ImportSessions(clock),
): HandlerGroup<'enroll'> {
  return {
    'enroll.preview': async ({ text }) => {
      // A Google Authenticator transfer code is many accounts: it becomes an import preview (import.ts).
      if (isMigrationUri(text)) return { kind: 'transfer', step: await transferStep(vault, imports, text) };
      const described = describeQrText(text);
      if (described.kind !== 'otp') return described;
      const duplicate = await vault.findDuplicate(described.draft);
      return {
        kind: 'otp',
        token: pending.put(described.draft),
        account: accountPreview(described.draft),
        duplicateOf: duplicate?.id ?? null,
      };
    },
    'enroll.save': async ({ token, issuer, name }) => {
      const draft = pending.get(token);
      const chosen = { ...draft, issuer: issuer?.trim() ?? draft.issuer, name: name?.trim() ?? draft.name };
      // Dropped only once stored: a refused save (duplicate, keychain locked) can be retried.
      const saved = await vault.add(chosen);
      pending.delete(token);
      return saved;
    },
    'enroll.discard': async ({ token }) => pending.delete(token),
  };
}
