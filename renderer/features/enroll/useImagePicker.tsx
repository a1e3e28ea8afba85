/** A hidden <input type=file> for pictures, opened by any button (several files at once). */
import { useRef, type ReactElement } from 'react';

export function useImagePicker(onFiles: (files: File[]) => void): { open(): void; input: ReactElement } {
  const ref = useRef<HTMLInputElement>(null);
  const input = (
    <input
      ref={ref}
      type="file"
      accept="image/*"
      multiple
      hidden
      data-testid="enroll-file-input"
      onChange={(e) => {
        const files = Array.from(e.currentTarget.files ?? []);
        e.currentTarget.value = ''; // picking the same file again must fire change again
        if (files.length > 0) onFiles(files);
      }}
    />
  );
  return { open: () => ref.current?.click(), input };
}
