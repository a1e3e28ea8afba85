/** `authdesk import FILE`: shows what another app's export (or a backup) holds; --yes adds it, all or nothing. */
import { AuthdeskError } from '../../common/errors';
import { commitImport, knownFormatsText, previewImport, readImport } from '../../core/transfer/index';
import type { ImportResult } from '../../core/transfer/index';
import type { Command, CliContext, Values } from '../command';
import { printJson } from '../format';
import { printAdded, printPreview, previewJson } from '../import-preview';
import { passwordFileOption, passwordFromFile, passwordToOpen } from '../password';

export const importCommand: Command = {
  name: 'import',
  summary: "Import accounts from another app's export or an Authdesk backup (preview; --yes adds them).",
  usage: 'authdesk import FILE [--format F] [--password-file P] [--yes] [--json]',
  details: [
    'Without --yes nothing is written: the accounts found are listed, duplicates marked (=).',
    'With --yes every new account is added, or none if anything fails. Duplicates are skipped.',
    `  --format F           skip detection; one of: ${knownFormatsText()}`,
    '  --password-file P    the password of an encrypted file is the first line of P',
    '                       (in a terminal you are asked instead; never pass a password as an argument)',
    '  --yes                add the accounts',
    '  --json               print the preview (and the accounts added) as JSON, without secrets',
  ],
  options: {
    format: { type: 'string' },
    ...passwordFileOption,
    yes: { type: 'boolean', short: 'y' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: 'the file to import' },
  async run({ values, positionals }, ctx) {
    const file = positionals[0]!;
    const result = await readWithPassword(file, values, ctx);
    const vault = await ctx.vault();
    const preview = await previewImport(vault, result);
    if (!values.json) printPreview(ctx.io, preview, file);
    const chosen = preview.items.filter((i) => i.include).length;
    if (!values.yes) {
      if (values.json) printJson(ctx.io.out, { ...previewJson(preview), added: [] });
      else
        ctx.io.err(
          chosen
            ? `Nothing written yet: run again with --yes to add ${chosen} account${chosen === 1 ? '' : 's'}.`
            : 'Nothing to add.',
        );
      return 0;
    }
    const added = await commitImport(vault, preview);
    if (values.json) printJson(ctx.io.out, { ...previewJson(preview), added });
    else {
      printAdded(ctx.io, added);
      if (!added.length) ctx.io.out('Nothing to add: every account is already in Authdesk.');
    }
    return 0;
  },
};

/** Reads the file; asks for the password in a terminal when the file turns out to need one. */
async function readWithPassword(file: string, values: Values, ctx: CliContext): Promise<ImportResult> {
  const format = values.format as string | undefined;
  const given = await passwordFromFile(values);
  try {
    return await readImport(file, { format, password: given ?? undefined });
  } catch (err) {
    if (!(err instanceof AuthdeskError) || err.code !== 'password-required' || given !== null) throw err;
    const password = await passwordToOpen(values, ctx, 'import', file);
    return readImport(file, { format, password });
  }
}
