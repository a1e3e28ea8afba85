/**
 * Mount once at the app root: a paste (Ctrl/Cmd+V of a screenshot or an
 * otpauth link) or a drop of picture files anywhere in the app starts an
 * enrollment, and `onOpen` asks the app to show the EnrollEntry screen, which
 * picks the work up. While an EnrollEntry is open, it handles input itself.
 */
import { DropOverlay } from './DropOverlay';
import { handOver, isEntryOpen } from './incoming';
import { findInFiles, findInLink } from './sources';
import { useDropAndPaste } from './useDropAndPaste';

export function EnrollAnywhere({ onOpen }: { onOpen(): void }) {
  const { dragging } = useDropAndPaste({
    active: () => !isEntryOpen(),
    onFiles: (files, how) => {
      handOver({ source: how === 'paste' ? 'paste' : 'image', work: findInFiles(files) });
      onOpen();
    },
    onLink: (text) => {
      handOver({ source: 'paste', work: findInLink(text) });
      onOpen();
    },
  });
  return <DropOverlay visible={dragging} />;
}
