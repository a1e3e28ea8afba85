/**
 * The renderer's client for main. Unwraps `Outcome`s so components can use
 * try/catch; an `ApiError` carries the code and the sentence to show.
 */
import type { AuthenticatorApi, Outcome } from '../common/ipc/contract';
import type { ErrorValue } from '../common/errors';

export class ApiError extends Error {
  readonly code: ErrorValue['code'];
  constructor(error: ErrorValue) {
    super(error.message);
    this.code = error.code;
  }
}

export async function unwrap<T>(pending: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await pending;
  } catch {
    // The transport itself failed (main gone, bridge down): say so plainly.
    throw new ApiError({
      code: 'internal',
      message: 'Authdesk lost contact with its background process. Restart the app.',
    });
  }
  if (outcome.ok) return outcome.value;
  throw new ApiError(outcome.error);
}

export function bridge(): AuthenticatorApi {
  return window.authenticator;
}
