/**
 * One polite live region for the whole app, so screen readers hear "Copied",
 * "Deleted", "Moved" without each feature managing its own region.
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

const AnnounceContext = createContext<(message: string) => void>(() => {});

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const flip = useRef(false);
  const announce = useCallback((text: string) => {
    // The same sentence twice in a row must still be spoken: alternate an invisible suffix.
    flip.current = !flip.current;
    setMessage(text + (flip.current ? '\u200b' : ''));
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
