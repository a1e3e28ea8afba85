/** `authdesk decode-qr FILE...`: prints the text of every QR code in image files (nothing is saved). */
import { AuthdeskError, toErrorValue } from '../../common/errors';
import type { Command } from '../command';
import { noQrMessage, printJson } from '../format';

export const decodeQrCommand: Command = {
  name: 'decode-qr',
  summary: 'Print the text of every QR code in PNG, JPEG, WebP, BMP or GIF files.',
  usage: 'authdesk decode-qr FILE... [--json]',
  details: [
    'Nothing is saved. The texts may contain secrets: mind where you paste them.',
    '  --json  print [{"file", "texts": [...]}] (and "error" for a file that could not be read,',
    '          "stoppedEarly": true when the machine was too busy to finish the search)',
    'Hard pictures (blurred, covered, photographed, heavily compressed) may take a few seconds.',
  ],
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: 'at least one image file' },
  async run({ values, positionals }, ctx) {
    const results: { file: string; texts: string[]; error?: string; stoppedEarly?: true }[] = [];
    for (const file of positionals) {
      try {
        const { texts, stoppedAtCeiling } = await ctx.readQrTexts(file);
        results.push(stoppedAtCeiling ? { file, texts, stoppedEarly: true } : { file, texts });
      } catch (err) {
        // One unreadable file should not hide the others' results.
        results.push({ file, texts: [], error: toErrorValue(err).message });
      }
    }
    const failed = results.filter((r) => r.error !== undefined || !r.texts.length);
    if (values.json) printJson(ctx.io.out, results);
    else {
      const prefix = positionals.length > 1;
      for (const r of results) for (const text of r.texts) ctx.io.out(prefix ? `${r.file}: ${text}` : text);
    }
    if (!failed.length) return 0;
    const first = failed[0]!;
    const reason = first.error ?? noQrMessage(first.file, first.stoppedEarly === true);
    throw new AuthdeskError(
      'no-qr',
      failed.length > 1
        ? `${reason} (and ${failed.length - 1} more file${failed.length > 2 ? 's' : ''} without a readable QR code)`
        : reason,
    );
  },
};
