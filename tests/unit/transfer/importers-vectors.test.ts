/**
 * Every user-export fixture of the shared vectors (importers/expected.json)
 * imports to exactly its expected entries, each entry generates its reference
 * code, and a wrong password gives 'wrong-password'. Only an app's private
 * storage (root-only, kind app_internal_root) is refused, as 'unsupported'
 * with its kind named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../core/transfer/index';
import { describeWithVectors, readVectorJson, vectorPath } from '../../support/vectors';
import { bySecret, codeFor, type ExpectedEntry } from './support';

interface ExpectedFile {
  format: string;
  kind: string;
  encrypted: boolean;
  password?: string;
  entries: ExpectedEntry[];
  groups_expected?: Record<string, string[]>;
}

/** Fixtures Authdesk does not import (only root-only app storage), and the words the refusal must contain. */
const NOT_SUPPORTED: Record<string, RegExp> = {
  'freeotp.xml': /Android app storage/,
  'freeotp_plus_internal.xml': /Android app storage/,
  'google_authenticator.sqlite': /app database/,
  'microsoft_authenticator.sqlite': /app database/,
  'stratum_internal.db': /app database/,
  'authy_plain.xml': /Authy/,
  'authy_encrypted.xml': /Authy/,
  'duo.json': /Duo Mobile/,
  'battle_net_authenticator.xml': /Battle\.net/,
  'totp_authenticator_internal.xml': /Android app storage/,
};

describeWithVectors('importers: shared vector fixtures', () => {
  const files = readVectorJson<{ files: Record<string, ExpectedFile> }>('importers', 'expected.json').files;
  const importable = Object.entries(files).filter(([name]) => !(name in NOT_SUPPORTED));
  const refused = Object.entries(files).filter(([name]) => name in NOT_SUPPORTED);

  it('covers every fixture listed in expected.json', () => {
    expect(importable.length + refused.length).toBe(Object.keys(files).length);
    expect(importable.length).toBe(34);
    expect(refused.every(([, f]) => f.kind === 'app_internal_root')).toBe(true);
  });

  describe.each(importable)('%s', (name, expected) => {
    const bytes = readFileSync(vectorPath('importers', name));
    const load = (password = expected.password) => parseImport(bytes, name, { password });

    it('imports exactly the expected entries, each with its reference code', async () => {
      const result = await load();
      expect(result.problems).toEqual([]);
      expect(result.entries).toHaveLength(expected.entries.length);
      expect(bySecret(result.entries)).toEqual(bySecret(expected.entries));
      const imported = new Map(result.entries.map((e) => [e.secret, e]));
      for (const want of expected.entries) {
        const entry = imported.get(want.secret)!;
        const code = want.code_at_1700000000 ?? want.code_at_counter;
        expect(code, `${name}: ${want.issuer} has a reference code`).toBeDefined();
        expect(codeFor(entry), `${name}: ${want.issuer}/${want.name}`).toBe(code);
      }
    });

    if (expected.groups_expected) {
      it('keeps the groups', async () => {
        const result = await load();
        for (const [group, issuers] of Object.entries(expected.groups_expected!)) {
          const members = result.entries.filter((e) => e.groups?.includes(group)).map((e) => e.issuer);
          expect(members.sort()).toEqual([...issuers].sort());
        }
      });
    }

    if (expected.encrypted) {
      it('says "wrong password" for a wrong password, and asks for one when none is given', async () => {
        await expect(load('not the password')).rejects.toMatchObject({
          code: 'wrong-password',
          message: expect.stringMatching(/Wrong password/),
        });
        await expect(parseImport(bytes, name, {})).rejects.toMatchObject({ code: 'password-required' });
      });
    }
  });

  it.each(refused)('%s is refused as not supported, by name', async (name) => {
    const bytes = readFileSync(vectorPath('importers', name));
    await expect(parseImport(bytes, name, { password: 'x' })).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(NOT_SUPPORTED[name]!),
    });
  });
});
