/**
 * Which self-service portal the guided set-up sends the person to: one of
 * app.info's presets, or "another portal" whose https address is kept in
 * settings.portalUrl.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ErrorValue } from '../../../../common/errors';
import type { AppInfo } from '../../../../common/ipc/contract';
import { enrollApi } from '../api';
import { toErrorValue } from '../../../components/error-text';
import { useAppInfo } from '../useAppInfo';

export type Preset = AppInfo['portalPresets'][number];

export interface PortalChoice {
  /** False until the settings and the presets have arrived: nothing is said about a portal before that. */
  loaded: boolean;
  /** Presets with an address (an empty-address "other" preset is our "another portal" option). */
  presets: Preset[];
  url: string | null;
  /** The preset matching the saved address, or null for another portal. */
  preset: Preset | null;
  error: ErrorValue | null;
  choose(url: string): Promise<boolean>;
}

export function usePortal(): PortalChoice {
  const info = useAppInfo();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);

  useEffect(() => {
    let live = true;
    enrollApi.settings().then(
      (settings) => live && setUrl(settings.portalUrl),
      (err: unknown) => live && setError(toErrorValue(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  const choose = useCallback(async (next: string) => {
    try {
      const saved = await enrollApi.setPortalUrl(next);
      setUrl(saved.portalUrl);
      setError(null);
      return true;
    } catch (err) {
      setError(toErrorValue(err));
      return false;
    }
  }, []);

  const presets = (info?.portalPresets ?? []).filter((p) => p.url !== '');
  const preset = presets.find((p) => url !== null && sameAddress(p.url, url)) ?? null;
  return { loaded: info !== null && url !== null, presets, url, preset, error, choose };
}

/** "https://x.no" and "https://x.no/" are the same portal. */
function sameAddress(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/** The portal the Educloud wording belongs to. */
export function isEducloud(preset: Preset | null): boolean {
  return preset?.id === 'educloud';
}

export function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text.trim()).protocol === 'https:';
  } catch {
    return false;
  }
}
