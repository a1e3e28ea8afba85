/**
 * What a paste (or a drop) carries that we can enroll from: image files (a
 * PrtScn screenshot, a copied picture) or an otpauth link. Other text is
 * ignored: a paste outside an input should do nothing surprising.
 */
export type Pasted = { kind: 'images'; files: File[] } | { kind: 'link'; text: string } | { kind: 'nothing' };

/** Put this attribute on a text field whose pastes should go to enrollment (the add-link field). */
export const ENROLL_PASTE_ATTRIBUTE = 'data-enroll-paste';

const OTP_LINK = /^otpauth(-migration)?:\/\//i;

export function readTransfer(data: DataTransfer | null): Pasted {
  if (!data) return { kind: 'nothing' };
  // Images first: copying a picture in a browser also puts HTML/text beside it.
  const files: File[] = [];
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    if (file) files.push(file);
  }
  if (files.length === 0) files.push(...Array.from(data.files ?? []));
  if (files.length > 0) return { kind: 'images', files };
  const text = data.getData('text/plain').trim();
  if (OTP_LINK.test(text)) return { kind: 'link', text };
  return { kind: 'nothing' };
}

/** False for pastes typed into an ordinary text field: those belong to the field. */
export function isEnrollPasteTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true;
  const field = target.closest('input, textarea, [contenteditable=""], [contenteditable="true"]');
  if (!field) return true;
  return field.hasAttribute(ENROLL_PASTE_ATTRIBUTE);
}
