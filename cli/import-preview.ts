/** How the CLI prints an import preview and its outcome (import and add share it). */
import type { ImportPreview } from '../core/transfer/index';
import type { AccountMeta } from '../common/otp/types';
import type { CliIo } from './io';
import { accountLabel, describeParams } from './format';

export function printPreview(io: CliIo, preview: ImportPreview, source: string): void {
  const count = preview.items.length;
  io.out(`${preview.formatName}: ${count} account${count === 1 ? '' : 's'} in ${source}`);
  for (const item of preview.items) {
    const label = accountLabel(item.entry);
    const params = describeParams({ ...item.entry, id: '', createdAt: 0 });
    if (item.duplicateOf) io.out(`  = ${label}  (already in Authdesk: skipped)`);
    else if (item.repeatsEntry !== null) io.out(`  = ${label}  (twice in the file: imported once)`);
    else io.out(`  + ${label}  ${params}${item.entry.groups?.length ? `  [${item.entry.groups.join(', ')}]` : ''}`);
  }
  for (const p of preview.problems) io.out(`  ! ${p.where} ${p.label}: ${p.message}`);
}

export function previewJson(preview: ImportPreview) {
  return {
    format: preview.format,
    formatName: preview.formatName,
    accounts: preview.items.map((i) => ({
      issuer: i.entry.issuer,
      name: i.entry.name,
      type: i.entry.type,
      algorithm: i.entry.algorithm,
      digits: i.entry.digits,
      ...(i.entry.type === 'hotp' ? { counter: i.entry.counter } : { period: i.entry.period }),
      ...(i.entry.groups ? { groups: i.entry.groups } : {}),
      status: i.duplicateOf ? 'duplicate' : i.repeatsEntry !== null ? 'repeated' : 'new',
    })),
    problems: preview.problems,
  };
}

export function printAdded(io: CliIo, added: AccountMeta[]): void {
  for (const account of added) io.out(`Added ${accountLabel(account)}  [${account.id}]`);
}
