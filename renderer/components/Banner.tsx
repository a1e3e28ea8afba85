/** A message across the top of a view: problems that need attention, with optional buttons. */
import type { ReactNode } from 'react';
import { Icon } from './Icon';

interface Props {
  tone: 'error' | 'warning';
  /** Names the region for assistive technology (warnings); errors are announced as alerts. */
  label?: string;
  children: ReactNode;
  onDismiss?: () => void;
  dismissLabel?: string;
}

export function Banner({ tone, label, children, onDismiss, dismissLabel }: Props) {
  const role = tone === 'error' ? { role: 'alert' } : { role: 'region', 'aria-label': label };
  return (
    <div className={`banner banner-${tone}`} {...role}>
      <Icon name="warning" className="banner-icon" />
      <div className="banner-body">{children}</div>
      {onDismiss && (
        <button type="button" className="icon-btn" aria-label={dismissLabel} title={dismissLabel} onClick={onDismiss}>
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}
