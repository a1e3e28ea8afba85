/**
 * The seconds shown beside a code (enrollment) come from validUntil and the
 * clock, and change exactly at whole-second steps before validUntil: no
 * 250 ms polling tick, and right at once after time jumped.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { msUntilSecondTick, secondsLeft } from '../../../renderer/codes/schedule';
import { useSecondsLeft } from '../../../renderer/codes/useSecondsLeft';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const T = 1_700_000_000_000;
const UNTIL = T + 10_000;
let root: Root;
let host: HTMLElement;
let renders = 0;

function Probe() {
  renders++;
  return <output>{useSecondsLeft(UNTIL)}</output>;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T + 300, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  renders = 0;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

describe('seconds left', () => {
  it('counts whole seconds up, and ticks at validUntil minus whole seconds', () => {
    expect(secondsLeft(UNTIL, T + 300)).toBe(10);
    expect(secondsLeft(UNTIL, T + 1_000)).toBe(9);
    expect(secondsLeft(UNTIL, UNTIL + 5)).toBe(0);
    expect(secondsLeft(null, T)).toBeNull();
    expect(msUntilSecondTick(UNTIL, T + 300)).toBe(700);
    expect(msUntilSecondTick(UNTIL, T)).toBe(1_000);
    expect(msUntilSecondTick(UNTIL, UNTIL)).toBeNull();
  });

  it('re-renders once per whole second, exactly when the number changes', async () => {
    act(() => root.render(<Probe />));
    expect(host.textContent).toBe('10');
    const first = renders;
    await act(() => vi.advanceTimersByTimeAsync(699));
    expect(host.textContent).toBe('10');
    expect(renders).toBe(first);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(host.textContent).toBe('9');
    for (const expected of ['8', '7', '6', '5', '4']) {
      await act(() => vi.advanceTimersByTimeAsync(999));
      expect(host.textContent).not.toBe(expected);
      await act(() => vi.advanceTimersByTimeAsync(1));
      expect(host.textContent).toBe(expected);
    }
    expect(renders).toBe(first + 6); // one render per second shown, none in between
  });
});
