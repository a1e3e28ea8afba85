/**
 * `authdesk add [-|<otpauth-uri>]` / `authdesk add --image FILE`: saves accounts
 * (secret to the keychain, the rest to accounts.json). A Google Authenticator
 * transfer link or QR code adds every account in it (duplicates skipped, all
 * or nothing), and says which parts of a multi-part export are still missing.
 */
import { describeQrText } from '../../core/otp/index';
import type { AccountMeta } from '../../common/otp/types';
import { AuthdeskError } from '../../common/errors';
import { commitImport, isMigrationUri, MigrationCollector, previewImport } from '../../core/transfer/index';
import type { Command, CliContext } from '../command';
import { accountLabel, noQrMessage, printJson } from '../format';
import { UsageError } from '../usage-error';

export const addCommand: Command = {
  name: 'add',
  summary: 'Add an account from an otpauth:// link, or every account in a QR code image or transfer link.',
  usage:
    'authdesk add              (asks for the link; typing is not shown)\n       authdesk add - [--json]   (reads the link from standard input)\n       authdesk add --image FILE [--json]\n       authdesk add <otpauth-uri | otpauth-migration-uri> [--json]',
  details: [
    'Quote the link: it contains & and ? that the shell would otherwise eat.',
    'A Google Authenticator transfer link (otpauth-migration://) adds every account in it;',
    'accounts already in Authdesk are skipped.',
    'Prefer `authdesk add` or `authdesk add -`: a link on the command line holds the key, and',
    'other users can see it in `ps`, and your shell keeps it in its history.',
    '  -             read the link from standard input (a pipe or a file: `authdesk add - < link.txt`)',
    '  --image FILE  read the QR codes in a PNG, JPEG, WebP, BMP or GIF file',
    '  --json        print the saved account (an array with --image or a transfer link), without its secret',
  ],
  options: { image: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 1, names: 'an otpauth:// link, - or --image FILE' },
  async run({ values, positionals }, ctx) {
    const image = values.image as string | undefined;
    if (image !== undefined && positionals.length)
      throw new UsageError('give either an otpauth:// link or --image FILE, not both', 'add');
    if (image !== undefined) return addFromImage(ctx, image, Boolean(values.json));
    const text = await linkText(ctx, positionals[0]);
    if (isMigrationUri(text)) {
      const added = await addTransfer(ctx, [text]);
      if (values.json) printJson(ctx.io.out, added);
      else printAdded(ctx, added);
      return 0;
    }
    const account = await addText(ctx, text);
    if (values.json) printJson(ctx.io.out, account);
    else ctx.io.out(`Added ${accountLabel(account)}  [${account.id}]`);
    return 0;
  },
};

/** The longest link read from stdin or the prompt (the IPC contract allows 4096 characters). */
const MAX_LINK_BYTES = 16 * 1024;

/** The link from the argument, from standard input (`-`), or asked for without echo. */
async function linkText(ctx: CliContext, argument: string | undefined): Promise<string> {
  if (argument === '-') {
    const text = (await ctx.io.readStdin(MAX_LINK_BYTES)).trim();
    if (!text) throw new AuthdeskError('bad-input', 'Standard input was empty: nothing was added.');
    return text;
  }
  if (argument !== undefined) return argument;
  if (!ctx.io.interactive)
    throw new UsageError('add needs an otpauth:// link: pipe it to `authdesk add -`, or use --image FILE', 'add');
  const text = (await ctx.io.askHidden('Paste the otpauth:// link (it will not be shown) and press Enter: ')).trim();
  if (!text) throw new AuthdeskError('bad-input', 'Nothing was pasted: nothing was added.');
  return text;
}

/** Adds what one otpauth text holds, or throws why it cannot be added. */
async function addText(ctx: CliContext, text: string): Promise<AccountMeta> {
  const what = describeQrText(text);
  if (what.kind === 'not-otp') throw new AuthdeskError('not-otp', what.message);
  return (await ctx.vault()).add(what.draft);
}

/** Every account of the transfer parts given (one export); notes on stderr for skipped and missing parts. */
async function addTransfer(ctx: CliContext, uris: string[]): Promise<AccountMeta[]> {
  const collector = new MigrationCollector();
  for (const uri of uris) collector.add(uri);
  const progress = collector.progress();
  // Parts may be added one at a time: take what is here, and say what is missing.
  const result = collector.scannedResult();
  const vault = await ctx.vault();
  const preview = await previewImport(vault, result);
  const added = await commitImport(vault, preview);
  for (const item of preview.items)
    if (!item.include) ctx.io.err(`authdesk: skipped ${accountLabel(item.entry)}: already in Authdesk.`);
  for (const p of preview.problems) ctx.io.err(`authdesk: skipped ${p.label} (${p.where}): ${p.message}`);
  if (!progress.complete)
    ctx.io.err(
      `authdesk: this Google Authenticator export has ${progress.total} QR codes, ${progress.summary}: add the others too.`,
    );
  return added;
}

function printAdded(ctx: CliContext, added: AccountMeta[]): void {
  for (const account of added) ctx.io.out(`Added ${accountLabel(account)}  [${account.id}]`);
  if (!added.length) ctx.io.out('Nothing added: every account in it is already in Authdesk.');
}

async function addFromImage(ctx: CliContext, file: string, json: boolean): Promise<number> {
  const { texts, stoppedAtCeiling } = await ctx.readQrTexts(file);
  if (!texts.length) throw new AuthdeskError('no-qr', noQrMessage(file, stoppedAtCeiling));
  const added: AccountMeta[] = [];
  const skipped: AuthdeskError[] = [];
  const transfers = texts.filter(isMigrationUri);
  if (transfers.length) {
    try {
      added.push(...(await addTransfer(ctx, transfers)));
    } catch (err) {
      if (!(err instanceof AuthdeskError)) throw err;
      skipped.push(err);
    }
  }
  for (const text of texts.filter((t) => !isMigrationUri(t))) {
    try {
      added.push(await addText(ctx, text));
    } catch (err) {
      if (!(err instanceof AuthdeskError)) throw err;
      skipped.push(err);
    }
  }
  // Nothing saved: the reason is the error (one line). Some saved: the rest are notes.
  if (!added.length && skipped.length) {
    const reasons = [...new Set(skipped.map((e) => e.message))].join(' ');
    throw new AuthdeskError(skipped[0]!.code, `Nothing added from ${file}: ${reasons}`);
  }
  if (json) printJson(ctx.io.out, added);
  else printAdded(ctx, added);
  for (const note of skipped) ctx.io.err(`authdesk: skipped one QR code: ${note.message}`);
  return 0;
}
