// `npm run icons`: every platform's icon from the one source, build/icon.svg.
// sharp renders each size straight from the vector (crisp small sizes, no
// downscaling of a big bitmap); png-to-ico and @fiahfy/icns pack the
// containers. The output is committed under build/icons/, so packaging needs
// no step of its own; tests/electron/icons.test.ts checks it is current.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Icns, IcnsImage } from '@fiahfy/icns';
import { imagesToIco } from 'png-to-ico';
import { PNG } from 'pngjs';
import sharp from 'sharp';

const root = path.resolve(import.meta.dirname, '..');
export const SOURCE = path.join(root, 'build/icon.svg');
export const OUT = path.join(root, 'build/icons');
/** Linux wants a folder of NxN.png (electron-builder copies them into hicolor/NxN/apps). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows: the sizes Explorer, the taskbar and the installer pick from (256 is stored as PNG by Windows itself). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** macOS: the PNG-carrying types iconutil writes (size in pixels). */
export const ICNS_TYPES = [
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic13', 256], // 128@2x
  ['ic08', 256],
  ['ic14', 512], // 256@2x
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
];

/** PNG bytes of the source at `size` px. Deterministic: same sharp + same SVG, same bytes. */
export async function renderPng(svg, size) {
  return sharp(svg, { density: Math.max(72, Math.ceil((72 * size) / 1024) * 4) })
    .resize(size, size)
    .png({ compressionLevel: 9, adaptiveFiltering: false })
    .toBuffer();
}

/** Every generated file: relative path -> bytes. */
export async function renderIcons(svg = readFileSync(SOURCE)) {
  const pngs = new Map();
  for (const size of new Set([...PNG_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)]))
    pngs.set(size, await renderPng(svg, size));
  const files = new Map();
  for (const size of PNG_SIZES) files.set(`png/${size}x${size}.png`, pngs.get(size));
  files.set('icon.ico', imagesToIco(ICO_SIZES.map((size) => PNG.sync.read(pngs.get(size)))));
  const icns = new Icns();
  for (const [type, size] of ICNS_TYPES) icns.append(IcnsImage.fromPNG(pngs.get(size), type));
  files.set('icon.icns', icns.data);
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  for (const [rel, bytes] of await renderIcons()) {
    const file = path.join(OUT, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    console.log(`${path.relative(root, file)}  ${bytes.length} bytes`);
  }
}
