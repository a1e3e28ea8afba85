/**
 * The lint rules that keep the process boundary: a deliberate violation per
 * side must fail ESLint with the project's own configuration.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: repoRoot });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const violations: [file: string, code: string, rule: string][] = [
  ['common/x.ts', "import { app } from 'electron';\nexport const a = app;\n", 'no-restricted-imports'],
  ['common/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'no-restricted-imports'],
  [
    'common/qr/x.ts',
    "import { dataDir } from '../../core/paths';\nexport const a = dataDir;\n",
    'no-restricted-imports',
  ],
  ['common/x.ts', 'export const a = document.title;\n', 'no-restricted-globals'],
  ['common/x.ts', 'export const a = process.env;\n', 'no-restricted-globals'],
  ['core/x.ts', "import { app } from 'electron';\nexport const a = app;\n", 'no-restricted-imports'],
  [
    'core/x.ts',
    "import { registerChannels } from '../electron/ipc/registry';\nexport const a = registerChannels;\n",
    'no-restricted-imports',
  ],
  [
    'cli/x.ts',
    "import { createDecoderClient } from '../renderer/scan/decoder/client';\nexport const a = createDecoderClient;\n",
    'no-restricted-imports',
  ],
  [
    'cli/x.ts',
    "import { invokeChannel } from '../electron/handlers';\nexport const a = invokeChannel;\n",
    'no-restricted-imports',
  ],
  ['renderer/x.ts', "import { dataDir } from '../core/paths';\nexport const a = dataDir;\n", 'no-restricted-imports'],
  [
    'renderer/x.ts',
    "import { contract } from '../electron/main';\nexport const a = contract;\n",
    'no-restricted-imports',
  ],
  ['renderer/x.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n", 'no-restricted-imports'],
];

describe('lint enforces the process boundary', () => {
  it.each(violations)('%s: %s', async (file, code, rule) => {
    expect(await ruleIds(file, code)).toContain(rule);
  });

  it('allowed imports pass', async () => {
    expect(
      await ruleIds(
        'renderer/x.ts',
        "import { foldForSearch } from '../common/fold-text';\nexport const a = foldForSearch;\n",
      ),
    ).toEqual([]);
    expect(await ruleIds('cli/x.ts', "import { dataDir } from '../core/paths';\nexport const a = dataDir;\n")).toEqual(
      [],
    );
    expect(
      await ruleIds(
        'core/x.ts',
        "import { AuthdeskError } from '../common/errors';\nexport const a = AuthdeskError;\n",
      ),
    ).toEqual([]);
  });
});
