/** docs/policy.schema.json is what `npm run policy-schema` makes from the zod schema today. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { policySchema } from '../../../core/policy';
import { POLICY_SCHEMA_FILE, policyJsonSchemaText } from '../../../scripts/policy-schema';

describe('docs/policy.schema.json', () => {
  it('is current (regenerate with: npm run policy-schema)', () => {
    // Compared as data: prettier may lay the file out differently.
    expect(JSON.parse(readFileSync(POLICY_SCHEMA_FILE, 'utf8'))).toEqual(JSON.parse(policyJsonSchemaText()));
  });

  it('describes every rule and allows no other key', () => {
    const schema = JSON.parse(readFileSync(POLICY_SCHEMA_FILE, 'utf8')) as {
      properties: Record<string, { description?: string }>;
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties)).toEqual(Object.keys(policySchema().shape));
    for (const [key, property] of Object.entries(schema.properties)) expect(property.description, key).toBeTruthy();
    expect(schema.additionalProperties).toBe(false);
  });

  it('would notice a changed schema (the check can fail)', () => {
    const changed = z.extend(policySchema(), { newRule: z.optional(z.boolean()) });
    expect(JSON.parse(readFileSync(POLICY_SCHEMA_FILE, 'utf8'))).not.toEqual(z.toJSONSchema(changed));
  });
});
