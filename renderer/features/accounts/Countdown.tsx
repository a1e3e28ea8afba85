/**
 * The code and its countdown ring for one period. The ring drains and turns
 * to the warning colour in its last seconds purely in CSS: this component
 * renders once per period (its parent keys it by validUntil), never per second.
 */
import { useState, type CSSProperties, type ReactNode } from 'react';

export const WARN_SECONDS = 5;

interface Props {
  validFrom: number;
  validUntil: number;
  children: ReactNode;
}

export function Countdown({ validFrom, validUntil, children }: Props) {
  // Fixed when the element is created: the CSS animation starts then, so the
  // (negative) delay places it at the right point of the period.
  const [style] = useState(() => {
    const now = Date.now();
    const period = (validUntil - validFrom) / 1000;
    const elapsed = Math.min(Math.max((now - validFrom) / 1000, 0), period);
    return {
      '--period': `${period}s`,
      '--elapsed': `${-elapsed}s`,
      '--warn-in': `${Math.max(period - WARN_SECONDS - elapsed, -WARN_SECONDS)}s`,
    } as CSSProperties;
  });
  return (
    <span className="timed" style={style}>
      {children}
      <svg className="ring" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle className="ring-track" cx="12" cy="12" r="9" pathLength="100" />
        <circle className="ring-fill" cx="12" cy="12" r="9" pathLength="100" />
      </svg>
    </span>
  );
}
