/**
 * The code and its countdown bar. The bar drains and the code and bar turn to
 * the warning colour in the last seconds purely in CSS, and only with
 * transform/opacity animations, which the compositor runs without the main
 * thread: a long list costs nothing per second.
 *
 * For the usual periods (30 s, 60 s) the animations loop forever in step with
 * the clock, so a rollover only changes the digits; the element is created
 * again only when the clock may have jumped (`epoch`). Other periods use
 * one-shot animations and a new element each period (see countdownKey).
 */
import { useState, type CSSProperties, type ReactNode } from 'react';
import { WARN_SECONDS } from '../../codes/schedule';
/** Periods whose warning keyframes are in accounts.css (@keyframes warn-30, warn-60). */
const LOOPING_PERIODS = new Set([30, 60]);

function periodSeconds(validFrom: number, validUntil: number): number {
  return (validUntil - validFrom) / 1000;
}

/** The React key of a row's Countdown: stable across periods when its animations loop, else one per period. */
export function countdownKey(validFrom: number, validUntil: number, epoch: number): string {
  const period = periodSeconds(validFrom, validUntil);
  return LOOPING_PERIODS.has(period) ? `loop${period}:${epoch}` : `once${validUntil}:${epoch}`;
}

interface Props {
  validFrom: number;
  validUntil: number;
  /** The code element, in the normal colour. */
  children: ReactNode;
  /** The same text again: a warning-coloured copy fades in over it (opacity animates on the compositor, colour would not). */
  text: string;
}

export function Countdown({ validFrom, validUntil, children, text }: Props) {
  // Fixed when the element is created: the CSS animations start then, so the
  // (negative) delay places them at the right point of the period.
  const [{ style, loop }] = useState(() => {
    const now = Date.now();
    const period = periodSeconds(validFrom, validUntil);
    const elapsed = Math.min(Math.max((now - validFrom) / 1000, 0), period);
    return {
      loop: LOOPING_PERIODS.has(period) ? String(period) : undefined,
      style: {
        '--period': `${period}s`,
        '--elapsed': `${-elapsed}s`,
        '--warn-in': `${Math.max(period - WARN_SECONDS - elapsed, -WARN_SECONDS)}s`,
      } as CSSProperties,
    };
  });
  return (
    <span className="timed" data-loop={loop} style={style}>
      {children}
      <span className="code-warn" aria-hidden="true">
        {text}
      </span>
      <span className="countdown" aria-hidden="true">
        <span className="countdown-fill" />
        <span className="countdown-fill is-warn" />
      </span>
    </span>
  );
}
