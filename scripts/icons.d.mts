/** Types for icons.mjs (tests/electron/icons.test.ts regenerates the icons to check they are current). */
export const SOURCE: string;
export const OUT: string;
export const PNG_SIZES: number[];
export const ICO_SIZES: number[];
export const ICNS_TYPES: [string, number][];
export function renderPng(svg: Buffer, size: number): Promise<Buffer>;
export function renderIcons(svg?: Buffer): Promise<Map<string, Buffer>>;
