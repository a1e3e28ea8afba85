/** How to fix the OS clock, per OS (the i18n key under desktop:clock.fix.*). */
export function clockFixKey(platform: string): 'windows' | 'mac' | 'linux' {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'mac';
  return 'linux';
}

/** "+42 s" / "−3 s": the offset as people read it (positive: this computer is behind). */
export function formatOffset(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${seconds >= 0 ? '+' : '−'}${Math.abs(seconds)} s`;
}
