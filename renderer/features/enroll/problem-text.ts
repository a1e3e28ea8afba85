/**
 * The words for every way a scan can come back empty-handed. Each says what
 * happened and what to do next, in the person's language.
 */
import type { TFunction } from 'i18next';
import type { ErrorValue } from '../../../common/errors';
import type { AppInfo } from '../../../common/ipc/contract';
import type { Unreadable } from './findings';
import type { Source } from './sources';
import type { Problem } from './useEnrollFlow';

export function unreadableText(t: TFunction, u: Unreadable): string {
  const file = u.fileName ?? t('problem.pastedPicture');
  if (u.reason === 'not-image') return t('problem.notImage', { file });
  if (u.reason === 'bad-image') return t('problem.badImage', { file });
  return u.message;
}

export interface ProblemText {
  title: string;
  lines: string[];
}

export function problemText(
  t: TFunction,
  errorText: (e: ErrorValue) => string,
  problem: Problem,
  source: Source,
  info: AppInfo | null,
): ProblemText {
  switch (problem.kind) {
    case 'no-qr':
      return source === 'screen'
        ? { title: t('problem.noQrScreenTitle'), lines: [t('problem.noQrScreen'), t('problem.noQrScreenZoom')] }
        : { title: t('problem.noQrImageTitle'), lines: [t('problem.noQrImage')] };
    case 'not-otp':
      return {
        title: t('problem.notOtpTitle'),
        lines: problem.items.map((n) => t(`notOtp.${n.what}`, { defaultValue: n.message })),
      };
    case 'rejected':
      return { title: t('problem.rejectedTitle'), lines: problem.errors.map(errorText) };
    case 'unreadable':
      return { title: t('problem.unreadableTitle'), lines: problem.items.map((u) => unreadableText(t, u)) };
    case 'failed':
      return { title: t('problem.failedTitle'), lines: [errorText(problem.error)] };
    case 'capture':
      return captureText(t, problem.reason, source, info);
  }
}

function captureText(
  t: TFunction,
  reason: Extract<Problem, { kind: 'capture' }>['reason'],
  source: Source,
  info: AppInfo | null,
): ProblemText {
  const device = source === 'camera' ? 'camera' : 'screen';
  if (reason === 'denied') {
    if (info?.platform === 'darwin') {
      return {
        title: t(`problem.${device}DeniedTitle`),
        lines: [t(`problem.${device}DeniedMac`), t('problem.restartAfter')],
      };
    }
    if (device === 'screen' && info?.waylandSession) {
      return { title: t('problem.screenDeniedTitle'), lines: [t('problem.screenDeniedWayland')] };
    }
    return { title: t(`problem.${device}DeniedTitle`), lines: [t(`problem.${device}Denied`)] };
  }
  if (reason === 'no-device')
    return { title: t(`problem.${device}MissingTitle`), lines: [t(`problem.${device}Missing`)] };
  return { title: t('problem.unsupportedTitle'), lines: [t(`problem.${device}Unsupported`)] };
}
