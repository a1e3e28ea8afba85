/** `authdesk decode-qr` and `authdesk add --image` on the shared QR images. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { requireSecretService } from '../support/keychain';
import { describeWithVectors, readVectorJson, vectorPath } from '../support/vectors';
import { type CliResult } from './support/cli-process';
import { useCliSandbox } from './support/cli-session';

requireSecretService();

const { box, run } = useCliSandbox('authdesk-images');

function oneErrorLine(r: CliResult, pattern: RegExp) {
  expect(r.code).toBe(1);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describeWithVectors('decode-qr and add --image on the shared QR images', () => {
  interface Image {
    file: string;
    kind: string;
    text: string;
  }
  const images = () => readVectorJson<{ images: Image[] }>('qr', 'expected.json').images;
  const image = (file: string) => images().find((i) => i.file === file)!;

  it('prints the text of a QR code, and --json for several files', async () => {
    const totp = image('dim13_example_totp.png');
    const plain = image('scito_qr_but_without_otp.png');
    const one = await run('decode-qr', vectorPath('qr', totp.file));
    expect(one).toMatchObject({ code: 0, stdout: `${totp.text}\n` });
    const many = await run('decode-qr', '--json', vectorPath('qr', totp.file), vectorPath('qr', plain.file));
    expect(many.code, many.stderr).toBe(0);
    expect(JSON.parse(many.stdout)).toEqual([
      { file: vectorPath('qr', totp.file), texts: [totp.text] },
      { file: vectorPath('qr', plain.file), texts: [plain.text] },
    ]);
  });

  it('fails with one line for a file that is not an image, still reporting the others in --json', async () => {
    const notImage = path.join(box.dataDir, 'not-an-image.png');
    writeFileSync(notImage, 'hello');
    oneErrorLine(await run('decode-qr', notImage), /^authdesk: /);
    const mixed = await run('decode-qr', '--json', notImage, vectorPath('qr', 'dim13_example_totp.png'));
    expect(mixed.code).toBe(1);
    const rows = JSON.parse(mixed.stdout) as { file: string; texts: string[]; error?: string }[];
    expect(rows[0]).toMatchObject({ file: notImage, texts: [], error: expect.any(String) });
    expect(rows[1]!.texts).toHaveLength(1);
  });

  it('adds the account in an image, and explains images without one', async () => {
    const added = await run('add', '--image', vectorPath('qr', 'dim13_example_totp.png'), '--json');
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual([
      expect.objectContaining({ issuer: 'Example', name: 'alice@google.com', type: 'totp' }),
    ]);
    expect((await run('code', 'example', '--at', '1257894000')).stdout).toBe(
      'Example (alice@google.com)  528 064  (30 s left)\n',
    );
    // A photo of Google Authenticator's transfer screen: every account in it is added.
    const transfer = await run('add', '--image', vectorPath('qr', 'scito_googleauth_export_photo.png'), '--json');
    expect(transfer.code, transfer.stderr).toBe(0);
    expect((JSON.parse(transfer.stdout) as unknown[]).length).toBe(3);
    oneErrorLine(
      await run('add', '--image', vectorPath('qr', 'scito_qr_but_without_otp.png')),
      /not an authenticator key/,
    );
  });
});
