/**
 * Google Authenticator transfer links against the shared cases
 * (migration/migration_cases.json and scito's text fixtures): raw fields,
 * normalized entries, batch fields (negative batch ids), per-entry errors
 * (MD5), codes, and the collector for a 3-part export in any order.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMigrationUri, MigrationCollector, parseImport } from '../../../core/transfer/index';
import { describeWithVectors, readVectorJson, vectorPath } from '../../support/vectors';
import { normalized } from './support';
import { generateCode } from '../../../core/otp/index';
import type { AccountDraft } from '../../../common/otp/types';

interface Case {
  id: string;
  uri: string;
  expect?: {
    version: number;
    batch_size: number;
    batch_index: number;
    batch_id: number;
    entries: { normalized: Omit<AccountDraft, 'algorithm'> & { algorithm: string } }[];
  };
  expect_error?: 'invalid_payload' | 'not_a_migration_uri';
  code_checks?: { entry: number; unix_time?: number; counter?: number; code: string }[];
}

describeWithVectors('Google Authenticator transfer: shared cases', () => {
  const { cases } = readVectorJson<{ cases: Case[] }>('migration', 'migration_cases.json');

  it.each(cases.filter((c) => c.expect).map((c) => [c.id, c] as const))('%s decodes as expected', (_, c) => {
    const batch = decodeMigrationUri(c.uri);
    const want = c.expect!;
    expect({ v: batch.version, size: batch.batchSize, index: batch.batchIndex, id: batch.batchId }).toEqual({
      v: want.version,
      size: want.batch_size,
      index: want.batch_index,
      id: want.batch_id,
    });
    const usable = want.entries.map((e) => e.normalized).filter((e) => e.algorithm !== 'MD5');
    const md5 = want.entries.length - usable.length;
    expect(batch.result.entries.map(normalized)).toEqual(usable);
    expect(batch.result.problems).toHaveLength(md5);
    for (const p of batch.result.problems) expect(p.message).toMatch(/hash algorithm.*not support/);
    for (const check of c.code_checks ?? []) {
      const entry = batch.result.entries[check.entry]!;
      const params = check.counter === undefined ? entry : { ...entry, counter: check.counter };
      expect(generateCode(entry.secret, params, (check.unix_time ?? 0) * 1000)).toBe(check.code);
    }
  });

  it.each(cases.filter((c) => c.expect_error).map((c) => [c.id, c] as const))('%s is refused', (_, c) => {
    const code = c.expect_error === 'invalid_payload' ? 'damaged-file' : 'not-otp';
    expect(() => decodeMigrationUri(c.uri)).toThrow(expect.objectContaining({ code }));
  });

  it('collects the 3-part batch in any order, ignores a repeated part and says what is missing', () => {
    const parts = ['jc_batch_1_of_3', 'jc_batch_2_of_3', 'jc_batch_3_of_3'].map(
      (id) => cases.find((c) => c.id === id)!.uri,
    );
    const collector = new MigrationCollector();
    expect(collector.add(parts[2]!)).toBe('added');
    expect(collector.progress()).toMatchObject({ total: 3, scanned: [2], missing: [0, 1], complete: false });
    expect(collector.add(parts[0]!)).toBe('added');
    expect(collector.add(parts[0]!)).toBe('duplicate');
    expect(collector.progress().summary).toBe('2 of 3 scanned (missing: part 2)');
    expect(() => collector.result()).toThrow(/incomplete: 2 of 3 scanned \(missing: part 2\)/);
    expect(() => collector.add(cases.find((c) => c.id === 'scito_example_1')!.uri)).toThrow(
      /different Google Authenticator export/,
    );
    collector.add(parts[1]!);
    expect(collector.progress()).toMatchObject({ complete: true, missing: [], summary: '3 of 3 scanned' });
    expect(collector.result().entries).toHaveLength(22);
  });

  describe('scito text fixtures', () => {
    const text = (name: string) => readFileSync(vectorPath('migration', name));

    it('reads the example export (comments + 5 links) with the raw fields scito prints', async () => {
      const result = await parseImport(text('scito_example_export.txt'), 'scito_example_export.txt');
      const want = readVectorJson<{ secret: string; type: string; counter: number | null }[]>(
        'migration',
        'scito_example_output.json',
      );
      expect(result.entries.map((e) => [e.secret, e.type, e.type === 'hotp' ? e.counter : null])).toEqual(
        want.map((w) => [w.secret, w.type, w.counter]),
      );
    });

    it('reads the unescaped "+" export', async () => {
      const result = await parseImport(text('scito_test_plus_problem_export.txt'), 'plus');
      expect(result.entries).toHaveLength(4);
    });

    it.each([
      'scito_test_export_wrong_content.txt',
      'scito_test_export_wrong_data.txt',
      'scito_test_export_wrong_prefix.txt',
    ])('refuses %s', async (name) => {
      const outcome = await parseImport(text(name), name).then(
        (r) => (r.entries.length ? 'imported' : r.problems.length ? 'problems only' : 'empty'),
        (e: { code: string }) => e.code,
      );
      expect(outcome).not.toBe('imported');
    });
  });
});
