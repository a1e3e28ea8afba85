/**
 * The admin policy file: how an IT department presets and locks Authdesk on
 * managed machines. One JSON file per machine, outside any user's reach:
 *
 *   Linux    /etc/authdesk/policy.json
 *   Windows  %ProgramData%\Authdesk\policy.json
 *   macOS    /Library/Application Support/Authdesk/policy.json
 *
 * The loader never throws. A missing file means "nothing is managed". A file
 * that is not JSON, or has a bad or unknown key, yields the rules that ARE
 * valid plus one problem per fault, naming the file and what is wrong; the app
 * and the CLI show those problems. A typo in one rule must not silently drop
 * the others (that would fail open), so each key is judged on its own.
 *
 * docs/policy.schema.json is generated from `policySchema` (npm run policy-schema);
 * tests/unit/policy/schema-file.test.ts fails when it is stale.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
// zod/mini (imported as a namespace, so the bundle keeps only what is used): a CLI command
// under a policy file reads it first, and full zod costs a person waiting for a code ~0.1 s.
import * as z from 'zod/mini';
import { noPolicyAt, noPolicyFileAt } from './policy-file';

/** An optional rule with the sentence docs/policy.schema.json shows for it. */
function described<T extends z.ZodMiniType>(schema: T, description: string): z.ZodMiniOptional<T> {
  const rule = z.optional(schema);
  z.globalRegistry.add(rule, { description });
  return rule;
}

/**
 * The schema is built on first use, not as the module loads: every command loads this
 * module, and building it (~1 ms) is wasted where no policy file exists, as on most PCs.
 */
export const policySchema = (): PolicySchema => (schema ??= buildPolicySchema());
let schema: PolicySchema | undefined;
type PolicySchema = ReturnType<typeof buildPolicySchema>;

const buildPolicySchema = () =>
  z
    .strictObject({
      $schema: described(z.string().check(z.maxLength(2048)), 'Lets editors validate the file; ignored by Authdesk.'),
      portalUrl: described(
        z.url({ protocol: /^https$/ }).check(z.maxLength(2048)),
        'The self-service portal the guided set-up opens (https only). Users cannot change it.',
      ),
      language: described(
        z.enum(['en', 'nb']),
        'The interface language (en = English, nb = Norwegian bokmål). Users cannot change it.',
      ),
      backupFolder: described(
        z.string().check(z.minLength(1), z.maxLength(4096)),
        'An absolute folder where backups are written. Users cannot change it.',
      ),
      forbidPlainTextExport: described(
        z.boolean(),
        'true: secrets can never be exported unencrypted (plain otpauth links, QR codes of secrets).',
      ),
      requireEncryptedBackups: described(z.boolean(), 'true: every backup must be encrypted with a password.'),
      requireAppLock: described(
        z.boolean(),
        'true: the app must be locked with a password or the OS account before codes are shown.',
      ),
      disableUpdateCheck: described(
        z.boolean(),
        'true: Authdesk never asks the internet for a newer version, and users cannot turn the check on.',
      ),
    })
    .register(z.globalRegistry, {
      description: 'Authdesk admin policy: presets and restrictions for every user of this machine.',
    });

export type Policy = Omit<z.output<PolicySchema>, '$schema'>;
type PolicyKey = keyof z.output<PolicySchema>;

export interface LoadedPolicy {
  /** The file that was looked for. */
  file: string;
  /** Whether it exists (a missing file is normal: nothing is managed). */
  found: boolean;
  /** The valid rules; invalid or unknown keys are left out. */
  policy: Policy;
  /** One sentence per fault, each naming the file. Empty when the file is fine or absent. */
  problems: string[];
}

export { policyFile } from './policy-file';

/** Reads and judges the policy file. Never throws. */
export function loadPolicy(file: string): LoadedPolicy {
  const absent = noPolicyAt(file);
  let text: string;
  try {
    // Most machines have no policy file (the CLI asks noPolicyFileAt itself first, to skip loading zod).
    if (noPolicyFileAt(file)) return absent;
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return absent;
    return {
      file,
      found: true,
      policy: {},
      problems: [`Policy file ${file} could not be read (${code ?? 'unknown error'}); no policy applies.`],
    };
  }
  return { file, found: true, ...judgePolicyText(file, text) };
}

/** Parses the text of a policy file into valid rules plus problems. */
export function judgePolicyText(file: string, text: string): { policy: Policy; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, '')); // Notepad writes a BOM
  } catch (err) {
    const detail = err instanceof Error ? err.message : 'syntax error';
    return { policy: {}, problems: [`Policy file ${file} is not valid JSON (${detail}); no policy applies.`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { policy: {}, problems: [`Policy file ${file} must hold one JSON object ({ ... }); no policy applies.`] };

  const shape = policySchema().shape;
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(shape, key)) {
      problems.push(`Policy file ${file}: unknown setting "${key}" was ignored (known: ${knownKeys().join(', ')}).`);
      continue;
    }
    const parsed = shape[key as PolicyKey].safeParse(value);
    if (!parsed.success) {
      problems.push(`Policy file ${file}: "${key}" ${describeIssue(key as PolicyKey, value)}; this rule was ignored.`);
      continue;
    }
    if (key !== '$schema' && parsed.data !== undefined) policy[key] = parsed.data;
  }
  if (policy.backupFolder !== undefined && !isAbsoluteAnywhere(policy.backupFolder as string)) {
    problems.push(`Policy file ${file}: "backupFolder" must be an absolute path; this rule was ignored.`);
    delete policy.backupFolder;
  }
  return { policy: policy as Policy, problems };
}

function knownKeys(): string[] {
  return Object.keys(policySchema().shape).filter((k) => k !== '$schema');
}

/** A sentence an admin can act on, rather than zod's generic wording. */
function describeIssue(key: PolicyKey, value: unknown): string {
  const got = `got ${JSON.stringify(value)?.slice(0, 80) ?? String(value)}`;
  switch (key) {
    case 'portalUrl':
      return `must be an https:// address (${got})`;
    case 'language':
      return `must be "en" or "nb" (${got})`;
    case 'backupFolder':
      return `must be a folder path (${got})`;
    case '$schema':
      return `must be a string (${got})`;
    default:
      return `must be true or false (${got})`;
  }
}

function isAbsoluteAnywhere(p: string): boolean {
  return path.posix.isAbsolute(p) || path.win32.isAbsolute(p);
}

/** The rules with their defaults filled in: what `authdesk policy` prints. */
export function effectivePolicy(policy: Policy) {
  return {
    portalUrl: policy.portalUrl ?? null,
    language: policy.language ?? null,
    backupFolder: policy.backupFolder ?? null,
    forbidPlainTextExport: policy.forbidPlainTextExport ?? false,
    requireEncryptedBackups: policy.requireEncryptedBackups ?? false,
    requireAppLock: policy.requireAppLock ?? false,
    disableUpdateCheck: policy.disableUpdateCheck ?? false,
  };
}

/** No policy: what the app uses when no file exists, and what tests start from. */
export const NO_POLICY: LoadedPolicy = noPolicyAt('');
