/**
 * DESIGN.md's one rule, on the real app: after an account is added through the
 * window, nothing main sends back to the renderer carries the secret. Every
 * bridge function's responses are recorded in the page (the app's own calls
 * where the bridge object lets itself be wrapped, and in any case one call of
 * every read channel), and the page's DOM and storage are searched too.
 */
import { expect, it } from 'vitest';
import { base32Decode } from '../support/reference-otp';
import { describeSmoke, useAuthdesk } from './support/authdesk';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
/** Every spelling of the secret the page could plausibly hold. */
const spellings = () => {
  const raw = base32Decode(SECRET);
  return [SECRET, SECRET.toLowerCase(), raw.toString('hex'), raw.toString('base64'), raw.toString('latin1')];
};

describeSmoke('smoke: the renderer never receives a secret', 'window', () => {
  const session = useAuthdesk();

  it('holds no secret in any bridge response, the DOM or storage after adding an account', async () => {
    const { window } = session;
    await window.getByRole('heading', { name: 'No accounts yet' }).waitFor({ timeout: 30_000 });
    // Hook every bridge function: record what comes back across the boundary.
    const wrapped = await window.evaluate(() => {
      const api = (window as unknown as { authenticator: Record<string, Record<string, unknown>> }).authenticator;
      const log: unknown[] = [];
      (window as unknown as { __responses: unknown[] }).__responses = log;
      let hooked = 0;
      for (const [group, fns] of Object.entries(api)) {
        if (group === 'events') continue;
        for (const [name, fn] of Object.entries(fns)) {
          try {
            fns[name] = async (...args: unknown[]) => {
              const result = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
              log.push({ channel: `${group}.${name}`, result });
              return result;
            };
            if (fns[name] !== fn) hooked++;
          } catch {
            // contextBridge hands out immutable objects in some versions: the direct calls below still cover every channel.
          }
        }
      }
      return hooked;
    });

    await window.getByRole('button', { name: 'Add manually / paste link' }).first().click();
    await window.getByRole('tab', { name: 'Paste a link' }).click();
    await window.getByLabel('Setup link').fill(`otpauth://totp/Vault:bob?secret=${SECRET}&issuer=Vault`);
    await window.getByRole('button', { name: 'Add account' }).click();
    await window.locator('li.row', { hasText: 'Vault' }).waitFor({ timeout: 30_000 });

    const seen = await window.evaluate(async () => {
      const api = (
        window as unknown as { authenticator: Record<string, Record<string, (i?: unknown) => Promise<unknown>>> }
      ).authenticator;
      const log = (window as unknown as { __responses: unknown[] }).__responses;
      const ids = ((await api.accounts!.list!()) as { value: { id: string }[] }).value.map((a) => a.id);
      for (const [channel, input] of [
        ['accounts.list', {}],
        ['codes.current', {}],
        ['codes.current', { ids }],
        ['vault.status', {}],
        ['settings.get', {}],
        ['app.info', {}],
        ['app.displays', {}],
        ['enroll.preview', { text: 'otpauth://totp/Other:eve?secret=JBSWY3DPEHPK3PXP&issuer=Other' }],
      ] as const) {
        const [group, name] = channel.split('.') as [string, string];
        log.push({ channel, result: await api[group]![name]!(input) });
      }
      return {
        responses: JSON.stringify(log),
        dom: document.documentElement.outerHTML,
        storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      };
    });

    expect(seen.responses).toContain('"accounts.list"');
    expect(seen.responses).toContain('Vault');
    for (const secret of spellings()) {
      expect(seen.responses.includes(secret), `a bridge response holds the secret (${wrapped} functions hooked)`).toBe(
        false,
      );
      expect(seen.dom.includes(secret), 'the DOM holds the secret').toBe(false);
      expect(seen.storage.includes(secret), 'web storage holds the secret').toBe(false);
    }
  });
});
