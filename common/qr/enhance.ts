/**
 * Filters that undo what blur and washed-out screens do to a symbol:
 * an unsharp mask restores module edges, a contrast stretch spreads a
 * #777-on-#999 code over the full range so the binariser sees it.
 */
import type { GrayImage } from './pixels';

/** Separable box blur with edge clamping; three rounds approximate a gaussian cheaply. */
export function boxBlur(gray: GrayImage, radius: number): GrayImage {
  const { width, height } = gray;
  const tmp = new Uint8Array(width * height);
  const out = new Uint8Array(width * height);
  const span = 2 * radius + 1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let sum = 0;
    for (let t = -radius; t <= radius; t++) sum += gray.data[row + Math.min(Math.max(t, 0), width - 1)] as number;
    for (let x = 0; x < width; x++) {
      tmp[row + x] = sum / span + 0.5;
      sum +=
        (gray.data[row + Math.min(x + radius + 1, width - 1)] as number) -
        (gray.data[row + Math.max(x - radius, 0)] as number);
    }
  }
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let t = -radius; t <= radius; t++) sum += tmp[Math.min(Math.max(t, 0), height - 1) * width + x] as number;
    for (let y = 0; y < height; y++) {
      out[y * width + x] = sum / span + 0.5;
      sum +=
        (tmp[Math.min(y + radius + 1, height - 1) * width + x] as number) -
        (tmp[Math.max(y - radius, 0) * width + x] as number);
    }
  }
  return { data: out, width, height };
}

/** out = in + amount * (in - blurred): edges steeper, flat areas unchanged. */
export function unsharpMask(gray: GrayImage, radius: number, amount: number): GrayImage {
  const blurred = boxBlur(boxBlur(gray, radius), radius);
  const out = new Uint8Array(gray.data.length);
  for (let i = 0; i < out.length; i++) {
    const v = gray.data[i] as number;
    const sharp = v + amount * (v - (blurred.data[i] as number));
    out[i] = sharp < 0 ? 0 : sharp > 255 ? 255 : sharp;
  }
  return { data: out, width: gray.width, height: gray.height };
}

/** Maps the `clip` and `1 - clip` percentiles to 0 and 255. */
export function stretchContrast(gray: GrayImage, clip = 0.01): GrayImage {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < gray.data.length; i++) histogram[gray.data[i] as number]! += 1;
  const cut = gray.data.length * clip;
  let low = 0;
  for (let seen = 0; low < 255 && (seen += histogram[low] as number) <= cut;) low++;
  let high = 255;
  for (let seen = 0; high > 0 && (seen += histogram[high] as number) <= cut;) high--;
  const out = new Uint8Array(gray.data.length);
  if (high <= low) {
    out.set(gray.data);
    return { data: out, width: gray.width, height: gray.height };
  }
  const scale = 255 / (high - low);
  for (let i = 0; i < out.length; i++) {
    const v = ((gray.data[i] as number) - low) * scale;
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return { data: out, width: gray.width, height: gray.height };
}

/** Sum of `value(pixel)` over the (2r+1)^2 window around every pixel, edges clamped. */
function windowSums(gray: GrayImage, radius: number, squared: boolean): Uint32Array {
  const { width, height, data } = gray;
  const rows = new Uint32Array(width * height);
  const out = new Uint32Array(width * height);
  const at = (i: number) => {
    const v = data[i] as number;
    return squared ? v * v : v;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let sum = 0;
    for (let t = -radius; t <= radius; t++) sum += at(row + Math.min(Math.max(t, 0), width - 1));
    for (let x = 0; x < width; x++) {
      rows[row + x] = sum;
      sum += at(row + Math.min(x + radius + 1, width - 1)) - at(row + Math.max(x - radius, 0));
    }
  }
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let t = -radius; t <= radius; t++) sum += rows[Math.min(Math.max(t, 0), height - 1) * width + x] as number;
    for (let y = 0; y < height; y++) {
      out[y * width + x] = sum;
      sum +=
        (rows[Math.min(y + radius + 1, height - 1) * width + x] as number) -
        (rows[Math.max(y - radius, 0) * width + x] as number);
    }
  }
  return out;
}

/**
 * Local contrast normalisation: every neighbourhood is rescaled to the same
 * spread. A faint symbol (#777 on #999) beside black-on-white text gets the
 * full range, which a global stretch cannot give it, and zxing's binariser
 * (which ignores blocks of little contrast) sees it. `floor` keeps flat
 * areas from turning their noise into texture.
 */
export function normalizeLocalContrast(gray: GrayImage, radius = 16, floor = 6): GrayImage {
  const sums = windowSums(gray, radius, false);
  const squares = windowSums(gray, radius, true);
  const area = (2 * radius + 1) ** 2;
  const out = new Uint8Array(gray.data.length);
  for (let i = 0; i < out.length; i++) {
    const mean = (sums[i] as number) / area;
    const spread = Math.sqrt(Math.max(0, (squares[i] as number) / area - mean * mean));
    const v = 128 + (((gray.data[i] as number) - mean) * 60) / Math.max(spread, floor);
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return { data: out, width: gray.width, height: gray.height };
}
