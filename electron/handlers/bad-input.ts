/**
 * Turns a zod failure into one short sentence that names the field, e.g.
 * `The field "issuer" is too long (at most 200 characters).` Never echoes the
 * value itself: it may be a secret someone pasted into the wrong box.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

export function describeBadInput(error: z.ZodError): string {
  const issue = pickIssue(error.issues);
  return issue ? describeIssue(issue) : 'The request was not in the expected form.';
}

/** For a union (accounts.add), describe the branch that came closest to matching. */
function pickIssue(issues: readonly Issue[], prefix: PropertyKey[] = []): Issue | undefined {
  const first = issues[0];
  if (!first) return undefined;
  const path = [...prefix, ...first.path];
  if (first.code !== 'invalid_union' || first.errors.length === 0) return { ...first, path };
  const closest = [...first.errors].sort((a, b) => a.length - b.length)[0]!;
  return pickIssue(closest, path);
}

function describeIssue(issue: Issue): string {
  const field = issue.path.length > 0 ? `The field "${issue.path.map(String).join('.')}"` : 'The request';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${field} has an unknown field "${issue.keys[0] ?? ''}".`;
    case 'invalid_type':
      return issue.message.endsWith('received undefined')
        ? `${field} is missing.`
        : `${field} must be ${article(issue.expected)}.`;
    case 'too_big':
      return `${field} is too ${issue.origin === 'string' ? 'long' : issue.origin === 'array' ? 'long a list' : 'large'} (at most ${String(issue.maximum)}${unit(issue.origin)}).`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return `${field} must not be empty.`;
      return `${field} is too ${issue.origin === 'string' ? 'short' : 'small'} (at least ${String(issue.minimum)}${unit(issue.origin)}).`;
    case 'invalid_format':
      return issue.format === 'url' ? `${field} must be an https:// link.` : `${field} is not in the expected format.`;
    case 'invalid_value':
      return `${field} must be one of: ${issue.values.map((v) => String(v)).join(', ')}.`;
    case 'not_multiple_of':
      return `${field} must be a whole number.`;
    default:
      return `${field} is not valid.`;
  }
}

function unit(origin: string): string {
  return origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '';
}

function article(type: string): string {
  const word = type === 'int' ? 'whole number' : type;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
