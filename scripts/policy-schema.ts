/**
 * `npm run policy-schema`: writes docs/policy.schema.json from the zod schema
 * in electron/core/policy.ts, so admins can validate their policy file in any
 * editor. tests/unit/policy/schema-file.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { policySchema } from '../core/policy';

export const POLICY_SCHEMA_FILE = path.resolve(import.meta.dirname, '../docs/policy.schema.json');

export function policyJsonSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(policySchema()),
    $id: 'https://github.com/authdesk/authdesk/blob/main/docs/policy.schema.json',
    title: 'Authdesk admin policy',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(POLICY_SCHEMA_FILE, policyJsonSchemaText());
  console.log(`wrote ${path.relative(process.cwd(), POLICY_SCHEMA_FILE)}`);
}
