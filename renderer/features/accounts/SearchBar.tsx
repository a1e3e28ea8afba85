/** Search as you type. Ctrl/Cmd+F or "/" jump here from anywhere in the list; Esc clears. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';

interface Props {
  query: string;
  onQuery(query: string): void;
  /** Hotkeys only while the accounts view is the one on screen. */
  hotkeys: boolean;
  resultCount: number;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || !!target.closest('input, textarea, select'));
}

export function SearchBar({ query, onQuery, hotkeys, resultCount }: Props) {
  const { t } = useTranslation('accounts');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!hotkeys) return;
    const onKey = (event: KeyboardEvent) => {
      const find = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
      if (!find && !slash) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [hotkeys]);

  return (
    <div className="search" role="search">
      <Icon name="search" className="search-icon" />
      <input
        ref={input}
        className="input search-input"
        type="search"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            onQuery('');
          }
        }}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        aria-keyshortcuts="Control+F /"
        autoComplete="off"
        spellCheck={false}
      />
      {query && (
        <span className="search-count" aria-live="polite">
          {t('search.results', { count: resultCount })}
        </span>
      )}
    </div>
  );
}
