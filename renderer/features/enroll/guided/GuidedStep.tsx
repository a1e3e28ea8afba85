/**
 * The frame every guided step shares: its heading (focused when the step
 * appears, so a screen reader hears the new step and keyboard focus is not
 * lost with the button that led here), the step's body, an optional alert and
 * the row of actions.
 */
import type { ReactNode } from 'react';
import { useFocusOnMount } from '../useFocusOnMount';

interface Props {
  title: string;
  children?: ReactNode;
  /** A failure to show after the body (role="alert"). */
  alert?: string | null;
  /** The step's buttons, primary first. */
  actions?: ReactNode;
}

export function GuidedStep({ title, children, alert, actions }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
      {alert && (
        <p role="alert" className="enroll-error">
          {alert}
        </p>
      )}
      {actions && <div className="enroll-actions">{actions}</div>}
    </>
  );
}
