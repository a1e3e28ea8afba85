/**
 * Why a capture produced no pixels. The reason is stable (the UI picks its
 * words, in the user's language, from it); the message is the English
 * fallback. Neither ever contains what an image or QR code held.
 */
export type CaptureFailure =
  /** The user or the OS refused screen/camera access (macOS Screen Recording, a closed picker). */
  | 'denied'
  /** No screen source or no camera exists, or it is busy in another app. */
  | 'no-device'
  /** The file is not an image at all (a PDF, a text file, ...). */
  | 'not-image'
  /** The file claims to be an image but cannot be decoded (truncated, corrupt, unsupported format). */
  | 'bad-image'
  /** The browser lacks the API (very old runtime, insecure context). */
  | 'unsupported';

export class CaptureError extends Error {
  readonly reason: CaptureFailure;
  /** A file name when one is involved, so the message can say which file. */
  readonly fileName: string | undefined;
  constructor(reason: CaptureFailure, message: string, fileName?: string) {
    super(message);
    this.name = 'CaptureError';
    this.reason = reason;
    this.fileName = fileName;
  }
}

/** Maps the DOMExceptions getDisplayMedia/getUserMedia throw onto our reasons. */
export function mediaFailure(err: unknown, what: 'screen' | 'camera'): CaptureError {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'AbortError') {
    return new CaptureError('denied', `Authdesk was not allowed to use the ${what}.`);
  }
  if (name === 'NotFoundError' || name === 'NotReadableError' || name === 'OverconstrainedError') {
    return new CaptureError(
      'no-device',
      what === 'camera' ? 'No camera could be opened.' : 'No screen could be captured.',
    );
  }
  return new CaptureError('unsupported', `This system cannot capture the ${what}.`);
}
