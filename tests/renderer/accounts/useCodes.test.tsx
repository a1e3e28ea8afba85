/**
 * When codes are fetched: once on load, then only at the period boundary (the
 * known next code is shown at once, main's answer follows), on a clock-change
 * event and when the window becomes visible. Never on a per-second tick.
 * Main is a tiny in-memory stand-in here (the e2e tests use the real one);
 * time is vitest's fake clock.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthenticatorApi } from '../../../common/ipc/contract';
import type { CodeResult } from '../../../common/otp/types';
import { useCodes } from '../../../renderer/features/accounts/useCodes';

const PERIOD = 30_000;
const T = 1_700_000_000_000; // 20 s into a period

function codeAt(now: number): CodeResult {
  const from = Math.floor(now / PERIOD) * PERIOD;
  const counter = from / PERIOD;
  return { id: 'a', code: `c${counter}`, next: `c${counter + 1}`, validFrom: from, validUntil: from + PERIOD };
}

// React's own act (not Testing Library's, whose async wrapper waits on a real setTimeout that fake timers never fire).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | null = null;
let host: HTMLElement;

function render(element: React.ReactElement) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(element));
}

let calls = 0;
let clockListener: (() => void) | null = null;

function Probe({ visible = true }: { visible?: boolean }) {
  const { codes, epoch } = useCodes('a', () => {}, visible);
  return <output data-epoch={epoch}>{codes.get('a')?.code ?? 'none'}</output>;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  calls = 0;
  window.authenticator = {
    codes: {
      current: async () => {
        calls++;
        return { ok: true, value: [codeAt(Date.now())] };
      },
    },
    events: {
      onClockChanged: (l: () => void) => {
        clockListener = l;
        return () => (clockListener = null);
      },
    },
  } as unknown as AuthenticatorApi;
});
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
  vi.useRealTimers();
});

const shown = () => host.querySelector('output')!.textContent;
const settle = () => act(async () => {});

describe('useCodes', () => {
  it('fetches once, then only at the boundary, showing the next code without waiting for main', async () => {
    render(<Probe />);
    await settle();
    expect(calls).toBe(1);
    const first = shown();
    expect(first).toBe(codeAt(T).code);

    await act(() => vi.advanceTimersByTimeAsync(9_000));
    expect(calls).toBe(1); // 9 s later: no polling

    await act(() => vi.advanceTimersByTimeAsync(1_000)); // the boundary
    expect(calls).toBe(2);
    expect(shown()).not.toBe(first);
    expect(shown()).toBe(codeAt(T + 10_000).code);

    await act(() => vi.advanceTimersByTimeAsync(PERIOD - 1));
    expect(calls).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(calls).toBe(3);
  });

  it('fetches again when main reports a clock jump or the window becomes visible', async () => {
    render(<Probe />);
    await settle();
    expect(calls).toBe(1);
    await act(async () => clockListener?.());
    expect(calls).toBe(2);
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    expect(calls).toBe(3);
  });

  it('derives the countdowns again (new epoch) and fetches when its view is shown again', async () => {
    render(<Probe visible={true} />);
    await settle();
    const epoch = () => host.querySelector('output')!.dataset.epoch;
    const before = epoch();
    act(() => root!.render(<Probe visible={false} />));
    await settle();
    expect(epoch()).toBe(before);
    expect(calls).toBe(1);
    act(() => root!.render(<Probe visible={true} />));
    await settle();
    expect(epoch()).not.toBe(before);
    expect(calls).toBe(2);
  });

  it('waits a second rather than spinning when main hands out codes already stale by our clock', async () => {
    render(<Probe />);
    await settle();
    vi.setSystemTime(T + 2 * PERIOD); // our clock is now two periods ahead of the codes held
    act(() => root!.render(<Probe visible={false} />));
    act(() => root!.render(<Probe />));
    await settle();
    const after = calls;
    await act(() => vi.advanceTimersByTimeAsync(999));
    expect(calls).toBe(after);
  });
});
