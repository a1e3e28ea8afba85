/** `authdesk check-update`: is there a newer release? Only tells; never downloads or installs. */
import { assertPolicyAllows } from '../../core/policy-rules';
import { checkForUpdate } from '../../core/update-check';
import type { Command } from '../command';
import { printJson } from '../format';
import { VERSION } from '../version';

export const checkUpdateCommand: Command = {
  name: 'check-update',
  summary: 'Ask the release page whether a newer version exists (only tells; installs nothing).',
  usage: 'authdesk check-update [--json]',
  details: [
    '  --json  print {status, current, latest, downloadUrl}',
    '',
    'Contacts the GitHub releases API once. Refused when the admin policy sets "disableUpdateCheck".',
    'Exit code 0 up to date or newer found, 1 when the check failed.',
  ],
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0, names: '' },
  async run({ values }, ctx) {
    assertPolicyAllows(await ctx.policy(), 'update-check');
    // AUTHDESK_RELEASES_URL points the check elsewhere (tests use a local server).
    const result = await checkForUpdate({
      current: VERSION,
      url: ctx.io.env.AUTHDESK_RELEASES_URL?.trim() || undefined,
    });
    if (values.json) printJson(ctx.io.out, result);
    else if (result.status === 'newer')
      ctx.io.out(`Authdesk ${result.latest} is available (you have ${result.current}): ${result.downloadUrl}`);
    else if (result.status === 'current') ctx.io.out(`Authdesk ${result.current} is the newest version.`);
    if (result.status === 'failed') {
      if (!values.json) ctx.io.err(`authdesk: ${result.message}`);
      return 1;
    }
    return 0;
  },
};
