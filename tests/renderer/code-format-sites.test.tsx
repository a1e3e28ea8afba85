/**
 * One code formatter (common/otp/format-code.ts) at all three places a
 * person reads codes: the account list's row, the guided set-up's live code
 * and `authdesk code`. Each is driven through its own component/function.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthenticatorApi } from '../../common/ipc/contract';
import type { AccountMeta, CodeResult } from '../../common/otp/types';
import { codeLine } from '../../cli/format';
import { AccountRow, type RowHandlers } from '../../renderer/features/accounts/AccountRow';
import { LiveCode } from '../../renderer/features/enroll/LiveCode';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const T = 1_700_000_010_000;
const EXPECTED: Record<number, string> = {
  5: '12345',
  6: '123 456',
  7: '123 4567',
  8: '1234 5678',
  9: '123 456 789',
  10: '123 456 7890',
};

const account = (digits: number): AccountMeta => ({
  id: 'a',
  issuer: 'Example',
  name: 'alice',
  createdAt: 0,
  type: 'totp',
  algorithm: 'SHA1',
  digits,
  period: 30,
});
const result = (code: string): CodeResult => ({
  id: 'a',
  code,
  next: null,
  validFrom: T - 10_000,
  validUntil: T + 20_000,
});

let root: Root | null = null;
let host: HTMLElement | null = null;
async function render(element: React.ReactElement): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(element));
  return host;
}
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

const noop = () => {};
const handlers = new Proxy({}, { get: () => noop }) as RowHandlers;

describe.each([5, 6, 7, 8, 9, 10])('a %i-digit code', (digits) => {
  const code = '1234567890'.slice(0, digits);
  const expected = EXPECTED[digits];

  it('reads the same in the account list, the live code and the CLI', async () => {
    const cli = codeLine(account(digits), result(code), T).split('  ')[1];

    const row = await render(
      <AccountRow
        account={account(digits)}
        position={1}
        total={1}
        code={code}
        next={null}
        validFrom={T - 10_000}
        validUntil={T + 20_000}
        epoch={0}
        active
        editing={false}
        copied={false}
        highlighted={false}
        dropEdge={null}
        handlers={handlers}
      />,
    );
    const inList = row.querySelector('.code')!.textContent;
    act(() => root?.unmount());

    window.authenticator = {
      codes: { current: async () => ({ ok: true, value: [result(code)] }) },
      events: { onClockChanged: () => () => undefined },
    } as unknown as AuthenticatorApi;
    const live = await render(<LiveCode account={account(digits)} now={() => T} />);
    const output = live.querySelector('[data-testid="enroll-code"]')!;

    expect({ cli, inList, live: output.textContent }).toEqual({ cli: expected, inList: expected, live: expected });
    expect(output.getAttribute('data-code')).toBe(code);
  });
});
