/** A short-lived message at the bottom of the window with at most one action (e.g. Undo). */
import type { ReactNode } from 'react';

interface Props {
  children: ReactNode;
  actionLabel?: string;
  onAction?: () => void;
}

export function Toast({ children, actionLabel, onAction }: Props) {
  return (
    <div className="toast" role="status">
      <span className="toast-text">{children}</span>
      {actionLabel && onAction && (
        <button type="button" className="toast-action" onClick={onAction}>
          {actionLabel}
        </button>
      )}
    </div>
  );
}
