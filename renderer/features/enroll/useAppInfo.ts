/** app.info, asked once per app run: it does not change while the app is open. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../common/ipc/contract';
import { enrollApi } from './api';

let cached: Promise<AppInfo> | undefined;

export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    cached ??= enrollApi.info();
    cached.then(
      (value) => live && setInfo(value),
      () => {
        cached = undefined; // ask again next time rather than caching a failure
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return info;
}
