/** `authdesk add <otpauth-uri>` / `authdesk add --image FILE`: saves accounts (secret to the keychain, the rest to accounts.json). */
import { describeQrText } from '../../core/otp/index';
import type { AccountMeta } from '../../common/otp/types';
import { AuthdeskError } from '../../common/errors';
import type { Command, CliContext } from '../command';
import { accountLabel, noQrMessage, printJson } from '../format';
import { UsageError } from '../usage-error';

export const addCommand: Command = {
  name: 'add',
  summary: 'Add an account from an otpauth:// link, or every account in a QR code image.',
  usage: 'authdesk add <otpauth-uri> [--json]\n       authdesk add --image FILE [--json]',
  details: [
    'Quote the link: it contains & and ? that the shell would otherwise eat.',
    '  --image FILE  read the QR codes in a PNG, JPEG, WebP, BMP or GIF file',
    '  --json        print the saved account (an array with --image), without its secret',
  ],
  options: { image: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 1, names: 'an otpauth:// link or --image FILE' },
  async run({ values, positionals }, ctx) {
    const image = values.image as string | undefined;
    if (image !== undefined && positionals.length)
      throw new UsageError('give either an otpauth:// link or --image FILE, not both', 'add');
    if (image === undefined && !positionals.length)
      throw new UsageError('add needs an otpauth:// link or --image FILE', 'add');
    if (image === undefined) {
      const account = await addText(ctx, positionals[0]!);
      if (values.json) printJson(ctx.io.out, account);
      else ctx.io.out(`Added ${accountLabel(account)}  [${account.id}]`);
      return 0;
    }
    return addFromImage(ctx, image, Boolean(values.json));
  },
};

/** Adds what one text holds, or throws why it cannot be added. */
async function addText(ctx: CliContext, text: string): Promise<AccountMeta> {
  const what = describeQrText(text);
  if (what.kind === 'not-otp')
    throw new AuthdeskError(what.what === 'migration' ? 'unsupported' : 'not-otp', what.message);
  return (await ctx.vault()).add(what.draft);
}

async function addFromImage(ctx: CliContext, file: string, json: boolean): Promise<number> {
  const { texts, stoppedAtCeiling } = await ctx.readQrTexts(file);
  if (!texts.length) throw new AuthdeskError('no-qr', noQrMessage(file, stoppedAtCeiling));
  const added: AccountMeta[] = [];
  const skipped: AuthdeskError[] = [];
  for (const text of texts) {
    try {
      added.push(await addText(ctx, text));
    } catch (err) {
      if (!(err instanceof AuthdeskError)) throw err;
      skipped.push(err);
    }
  }
  // Nothing saved: the reason is the error (one line). Some saved: the rest are notes.
  if (!added.length) {
    const reasons = [...new Set(skipped.map((e) => e.message))].join(' ');
    throw new AuthdeskError(skipped[0]!.code, `Nothing added from ${file}: ${reasons}`);
  }
  if (json) printJson(ctx.io.out, added);
  else for (const account of added) ctx.io.out(`Added ${accountLabel(account)}  [${account.id}]`);
  for (const note of skipped) ctx.io.err(`authdesk: skipped one QR code: ${note.message}`);
  return 0;
}
