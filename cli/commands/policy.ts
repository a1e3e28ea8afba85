/** `authdesk policy`: the admin policy in force on this machine, where it comes from, and what is wrong with it. */
import { effectivePolicy } from '../../core/policy';
import type { Command } from '../command';
import { printJson } from '../format';

export const policyCommand: Command = {
  name: 'policy',
  summary: 'Show the admin policy in force on this machine and the file it comes from.',
  usage: 'authdesk policy [--json]',
  details: [
    '  --json  print {file, found, effective, problems}',
    '',
    'The file: /etc/authdesk/policy.json (Linux), %ProgramData%\\Authdesk\\policy.json (Windows),',
    '/Library/Application Support/Authdesk/policy.json (macOS), or AUTHDESK_POLICY_FILE.',
    'Its format: docs/policy.schema.json. Exit code 1 when the file has problems.',
  ],
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0, names: '' },
  async run({ values }, ctx) {
    const loaded = await ctx.policy();
    const effective = effectivePolicy(loaded.policy);
    if (values.json) {
      printJson(ctx.io.out, { file: loaded.file, found: loaded.found, effective, problems: loaded.problems });
      return loaded.problems.length ? 1 : 0;
    }
    ctx.io.out(`Policy file: ${loaded.file} (${loaded.found ? 'found' : 'not present: nothing is managed'})`);
    const width = Math.max(...Object.keys(effective).map((k) => k.length));
    for (const [key, value] of Object.entries(effective)) {
      const set = key in loaded.policy;
      ctx.io.out(`  ${key.padEnd(width)}  ${value === null ? '-' : String(value)}${set ? '  (set by policy)' : ''}`);
    }
    // The problems were already printed as warnings on stderr by runCli; the exit code says it too.
    return loaded.problems.length ? 1 : 0;
  },
};
