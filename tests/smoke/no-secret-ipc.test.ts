/** Real Electron: every channel answered through the real preload and IPC, and no answer carries the secret. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { channels } from '../../common/ipc/contract';
import { validInputs } from '../electron/channel-samples';
import { describeDesktop, launchDesktop, SMOKE_SECRET, SMOKE_URI, type LaunchedApp } from './support-desktop';

let l: LaunchedApp;
const answers: string[] = [];

describeDesktop('smoke: no IPC response carries a secret', () => {
  beforeAll(async () => {
    l = await launchDesktop();
  }, 120_000);
  afterAll(async () => l?.close());

  it('calls every channel (real ids where one is needed) and searches every answer', async () => {
    const added = await l.api<{ id: string }>('accounts.add', { uri: SMOKE_URI });
    answers.push(JSON.stringify(added));
    const id = added.value!.id;
    for (const channel of channels) {
      // Leave the window where it is and the account where it is.
      if (['app.stepAside', 'accounts.remove', 'app.openExternal', 'app.lock'].includes(channel)) continue;
      const sample = JSON.parse(JSON.stringify(validInputs[channel]).replaceAll('"a1"', JSON.stringify(id)));
      answers.push(JSON.stringify(await l.api(channel, sample)));
    }
    answers.push(JSON.stringify(await l.api('enroll.preview', { text: SMOKE_URI })));
    const all = answers.join('\n');
    for (const form of [
      SMOKE_SECRET,
      SMOKE_SECRET.toLowerCase(),
      Buffer.from('Hello!\xde\xad\xbe\xef', 'latin1').toString('hex'),
    ])
      expect(all).not.toContain(form);
    expect(answers.length).toBeGreaterThan(channels.length - 5);
  });
});
