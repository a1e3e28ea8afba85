/**
 * What a policy forbids, as one check every command and handler calls before
 * acting: `assertPolicyAllows(policy, 'plain-text-export')`. The refusal names
 * the rule and the file, so a person knows it is deliberate and whom to ask.
 */
import { AuthdeskError } from '../common/errors';
import type { LoadedPolicy } from './policy';

export type PolicyAction = 'plain-text-export' | 'unencrypted-backup' | 'update-check';

const RULES: Record<PolicyAction, { rule: string; forbids(p: LoadedPolicy['policy']): boolean; what: string }> = {
  'plain-text-export': {
    rule: '"forbidPlainTextExport": true',
    forbids: (p) => p.forbidPlainTextExport === true,
    what: 'exporting secrets without encryption',
  },
  'unencrypted-backup': {
    rule: '"requireEncryptedBackups": true',
    forbids: (p) => p.requireEncryptedBackups === true,
    what: 'backups without a password',
  },
  'update-check': {
    rule: '"disableUpdateCheck": true',
    forbids: (p) => p.disableUpdateCheck === true,
    what: 'checking for a newer version',
  },
};

/** The reason `action` is forbidden, or null when the policy allows it. */
export function policyForbids(loaded: LoadedPolicy, action: PolicyAction): string | null {
  const rule = RULES[action];
  if (!rule.forbids(loaded.policy)) return null;
  return `Your organisation's policy forbids ${rule.what} (${rule.rule} in ${loaded.file}).`;
}

export function assertPolicyAllows(loaded: LoadedPolicy, action: PolicyAction): void {
  const reason = policyForbids(loaded, action);
  if (reason) throw new AuthdeskError('managed-by-policy', reason);
}
