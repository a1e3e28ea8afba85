/**
 * The enrollment state machine shared by EnrollEntry and the guided set-up:
 * start -> busy -> (pick ->) preview -> saved, or -> problem. It owns the
 * draft tokens main is keeping for us and discards every one that is not
 * saved: on cancel, on a new scan, on picking one of several, on unmount.
 */
import { useLatest } from '../../components/useLatest';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorValue } from '../../../common/errors';
import type { AccountMeta } from '../../../common/otp/types';
import { CaptureError, type CaptureFailure } from '../../scan/capture';
import { enrollApi } from './api';
import { toErrorValue } from '../../components/error-text';
import { tokensOf, type Findings, type FoundKey, type NotOtp, type TransferFound, type Unreadable } from './findings';
import { findInFiles, findInLink, findOnScreen, type Source } from './sources';

export type Problem =
  | { kind: 'no-qr' }
  | { kind: 'not-otp'; items: NotOtp[] }
  | { kind: 'rejected'; errors: ErrorValue[] }
  | { kind: 'unreadable'; items: Unreadable[] }
  | { kind: 'capture'; reason: CaptureFailure }
  | { kind: 'failed'; error: ErrorValue };

/** What else the scan met besides the keys: shown under the preview so nothing is lost silently. */
export interface SideNotes {
  unreadable: Unreadable[];
  rejected: ErrorValue[];
}

export type FlowView =
  | { step: 'start' }
  | { step: 'busy'; source: Source }
  | { step: 'camera' }
  | { step: 'pick'; keys: FoundKey[]; notes: SideNotes }
  | { step: 'preview'; key: FoundKey; notes: SideNotes; saving: boolean; error: ErrorValue | null }
  | { step: 'saved'; account: AccountMeta }
  /** A Google Authenticator transfer code: its batch (held in main) becomes an import preview. */
  | { step: 'transfer'; transfer: TransferFound }
  | { step: 'problem'; problem: Problem; source: Source };

export interface EnrollFlow {
  view: FlowView;
  scanScreen(): void;
  openFiles(files: readonly Blob[], source?: Source): void;
  pasteLink(text: string): void;
  /** Takes over work that started before this flow existed (a paste while another screen was open). */
  adopt(source: Source, work: () => Promise<Findings>): void;
  startCamera(): void;
  /** The camera saw at least one key: the first one wins. */
  cameraFound(findings: Findings): void;
  /** The camera could not be opened (denied, missing, busy). */
  cameraFailed(err: unknown): void;
  pick(key: FoundKey): void;
  save(issuer: string, name: string): void;
  /** Discards any unsaved draft and goes back to the start. */
  reset(): void;
}

/**
 * onSaved: who takes over once the account is saved (the guided set-up moves on
 * to its own step and the flow starts over); without it the flow shows 'saved'.
 */
export function useEnrollFlow(options: { onSaved?(account: AccountMeta): void } = {}): EnrollFlow {
  const onSaved = useLatest(options.onSaved);
  const [view, setViewState] = useState<FlowView>({ step: 'start' });
  const viewRef = useRef(view);
  const setView = useCallback((next: FlowView) => {
    viewRef.current = next;
    setViewState(next);
  }, []);
  /** Tokens main holds for us that are neither saved nor discarded yet. */
  const live = useRef(new Set<string>());
  const busy = useRef(false);
  const mounted = useRef(true);
  /** Bumped by every new scan and by reset: a result that arrives for an older scan is thrown away. */
  const scanId = useRef(0);

  const dropLive = useCallback(() => {
    enrollApi.discardQuietly(live.current);
    live.current.clear();
  }, []);
  /**
   * The transfer batch main holds for us. It outlives new scans (the next part joins it) but not
   * Cancel/Back or leaving the screen: then a code of another export can start afresh.
   */
  const transferToken = useRef<string | null>(null);
  const dropTransfer = useCallback(() => {
    if (transferToken.current) enrollApi.discardTransferQuietly(transferToken.current);
    transferToken.current = null;
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      dropLive();
      dropTransfer();
    };
  }, [dropLive, dropTransfer]);

  const show = useCallback(
    (source: Source, findings: Findings, id = scanId.current) => {
      if (!mounted.current || id !== scanId.current) {
        // The person left or cancelled while we were scanning: nobody will save these.
        enrollApi.discardQuietly(tokensOf(findings));
        return;
      }
      for (const token of tokensOf(findings)) live.current.add(token);
      if (findings.transfer) transferToken.current = findings.transfer.token;
      setView(decide(source, findings));
    },
    [setView],
  );

  const adopt = useCallback(
    (source: Source, work: () => Promise<Findings>) => {
      // One scan at a time: a second click or paste while busy is ignored, not queued.
      if (busy.current) return;
      busy.current = true;
      const id = ++scanId.current;
      dropLive();
      setView({ step: 'busy', source });
      // Started synchronously: getDisplayMedia needs the click's user activation.
      let pending: Promise<Findings>;
      try {
        pending = work();
      } catch (err) {
        pending = Promise.reject(err);
      }
      pending
        .then((findings) => show(source, findings, id))
        .catch((err: unknown) => {
          if (mounted.current && id === scanId.current) setView({ step: 'problem', source, problem: problemOf(err) });
        })
        .finally(() => {
          if (id === scanId.current) busy.current = false;
        });
    },
    [dropLive, setView, show],
  );

  const save = useCallback(
    (issuer: string, name: string) => {
      const current = viewRef.current;
      if (current.step !== 'preview' || current.saving) return;
      setView({ ...current, saving: true, error: null });
      enrollApi
        .save(current.key.token, issuer, name)
        .then((account) => {
          live.current.delete(current.key.token);
          if (!mounted.current) return;
          if (onSaved.current) {
            setView({ step: 'start' });
            onSaved.current(account);
          } else setView({ step: 'saved', account });
        })
        .catch((err: unknown) => {
          // The draft stays in main: the person can fix the names or retry.
          if (mounted.current) setView({ ...current, saving: false, error: toErrorValue(err) });
        });
    },
    [setView, onSaved],
  );

  const pick = useCallback(
    (key: FoundKey) => {
      const current = viewRef.current;
      if (current.step !== 'pick') return;
      const others = current.keys.filter((k) => k.token !== key.token).map((k) => k.token);
      for (const token of others) live.current.delete(token);
      enrollApi.discardQuietly(others);
      setView({ step: 'preview', key, notes: current.notes, saving: false, error: null });
    },
    [setView],
  );

  const reset = useCallback(() => {
    // Also cancels a scan in progress (a system picker left open): its result will be discarded.
    scanId.current++;
    busy.current = false;
    dropLive();
    dropTransfer();
    setView({ step: 'start' });
  }, [dropLive, dropTransfer, setView]);

  return {
    view,
    adopt,
    save,
    pick,
    reset,
    scanScreen: useCallback(() => adopt('screen', findOnScreen), [adopt]),
    openFiles: useCallback(
      (files: readonly Blob[], source: Source = 'image') => adopt(source, () => findInFiles(files)),
      [adopt],
    ),
    pasteLink: useCallback((text: string) => adopt('paste', () => findInLink(text)), [adopt]),
    startCamera: useCallback(() => {
      if (busy.current) return;
      dropLive();
      setView({ step: 'camera' });
    }, [dropLive, setView]),
    cameraFailed: useCallback(
      (err: unknown) => {
        if (mounted.current) setView({ step: 'problem', source: 'camera', problem: problemOf(err) });
      },
      [setView],
    ),
    cameraFound: useCallback(
      (findings: Findings) => {
        const [first, ...rest] = findings.keys;
        enrollApi.discardQuietly(rest.map((k) => k.token));
        show('camera', { ...findings, keys: first ? [first] : [] });
      },
      [show],
    ),
  };
}

function decide(source: Source, findings: Findings): FlowView {
  const notes: SideNotes = { unreadable: findings.unreadable, rejected: findings.rejected };
  const [first] = findings.keys;
  if (findings.transfer) return { step: 'transfer', transfer: findings.transfer };
  if (findings.keys.length > 1) return { step: 'pick', keys: findings.keys, notes };
  if (first) return { step: 'preview', key: first, notes, saving: false, error: null };
  const problem: Problem =
    findings.rejected.length > 0
      ? { kind: 'rejected', errors: findings.rejected }
      : findings.notOtp.length > 0
        ? { kind: 'not-otp', items: findings.notOtp }
        : findings.unreadable.length > 0
          ? { kind: 'unreadable', items: findings.unreadable }
          : { kind: 'no-qr' };
  return { step: 'problem', source, problem };
}

function problemOf(err: unknown): Problem {
  if (err instanceof CaptureError) return { kind: 'capture', reason: err.reason };
  return { kind: 'failed', error: toErrorValue(err) };
}
