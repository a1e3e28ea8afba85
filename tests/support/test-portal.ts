/**
 * A stand-in for a self-service portal (like Educloud's "Set new OTP"), on
 * 127.0.0.1 and a random port:
 *
 *   GET  /              "Your Personal Data": OTP section with a "Set new OTP" button
 *   POST /otp/new       makes a fresh random secret, then shows /otp
 *   GET  /otp           the QR code (PNG from `qrcode`) and a field to type the code back
 *   GET  /otp/qr.png    the QR code alone
 *   POST /otp/verify    code=123456 -> 200 "accepted" or 422 "rejected"
 *
 * Codes are checked with node:crypto HMAC (RFC 6238, SHA-1, 6 digits, 30 s,
 * ±1 step), independently of otplib and of the app's core.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 4226 HOTP with SHA-1. */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** RFC 6238 TOTP (SHA-1) for the time step containing `timeMs`. */
export function totp(secretBase32: string, timeMs: number, period = 30, digits = 6): string {
  return hotp(base32Decode(secretBase32), Math.floor(timeMs / 1000 / period), digits);
}

export interface TestPortal {
  /** http://127.0.0.1:<port>/ */
  url: string;
  issuer: string;
  account: string;
  /** The secret of the OTP being set up; null before "Set new OTP". The test's independent view. */
  secret(): string | null;
  /** Makes a new secret, as the "Set new OTP" button does. */
  newOtp(): string;
  qrPng(): Promise<Buffer>;
  /** Every code posted back, in order. */
  attempts: { code: string; accepted: boolean }[];
  close(): Promise<void>;
}

export interface TestPortalOptions {
  issuer?: string;
  account?: string;
  now?: () => number;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<style>body{font:18px system-ui,sans-serif;margin:24px;background:#fff;color:#111}img{display:block;margin:16px 0;image-rendering:pixelated}</style>` +
  `</head><body>${body}</body></html>`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    body += chunk.toString('utf8');
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

export async function startTestPortal(options: TestPortalOptions = {}): Promise<TestPortal> {
  const issuer = options.issuer ?? 'Test Portal';
  const account = options.account ?? 'alice@example.org';
  const now = options.now ?? Date.now;
  let secret: string | null = null;
  let active = false;
  const attempts: TestPortal['attempts'] = [];

  const newOtp = () => {
    secret = base32Encode(randomBytes(20));
    active = false;
    return secret;
  };
  const uri = (s: string) =>
    `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${s}&issuer=${encodeURIComponent(issuer)}`;
  const qrPng = () => {
    if (!secret) throw new Error('No OTP yet: press "Set new OTP" first');
    return QRCode.toBuffer(uri(secret), { type: 'png', scale: 6, margin: 4, errorCorrectionLevel: 'M' });
  };
  const verify = (code: string) => {
    if (!secret || !/^\d{6}$/.test(code)) return false;
    const t = now();
    return [-1, 0, 1].some((step) => totp(secret!, t + step * 30_000) === code);
  };

  const codeForm = `<form method="post" action="/otp/verify"><label>Code from your authenticator app <input id="code" name="code" inputmode="numeric" autocomplete="off"></label> <button id="confirm">Confirm</button></form>`;

  const send = (res: ServerResponse, status: number, html: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method === 'GET' && path === '/') {
      return send(
        res,
        200,
        page(
          'Your Personal Data',
          `<h1>Your Personal Data</h1><h2>OTP</h2><p id="status">${active ? 'OTP is active.' : 'No OTP set up.'}</p>` +
            `<form method="post" action="/otp/new"><button id="set-new-otp">Set new OTP</button></form>`,
        ),
      );
    }
    if (req.method === 'POST' && path === '/otp/new') {
      newOtp();
      res.writeHead(303, { location: '/otp' });
      return res.end();
    }
    if (req.method === 'GET' && path === '/otp') {
      if (!secret) return send(res, 409, page('OTP', '<p>Press "Set new OTP" first.</p>'));
      return send(
        res,
        200,
        page(
          'Set new OTP',
          `<h1>Set new OTP</h1><p>Scan this QR code with your authenticator app (${escapeHtml(issuer)}).</p><img id="qr" src="/otp/qr.png" alt="QR code">${codeForm}`,
        ),
      );
    }
    if (req.method === 'GET' && path === '/otp/qr.png') {
      if (!secret) return send(res, 409, page('OTP', '<p>No OTP yet.</p>'));
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      return res.end(await qrPng());
    }
    if (req.method === 'POST' && path === '/otp/verify') {
      const code = (await readForm(req)).get('code')?.replace(/\s+/g, '') ?? '';
      const accepted = verify(code);
      attempts.push({ code, accepted });
      if (accepted) active = true;
      return accepted
        ? send(
            res,
            200,
            page(
              'OTP accepted',
              '<h1 id="result" data-result="accepted">OTP accepted</h1><p>Two-factor sign-in is now on.</p>',
            ),
          )
        : send(res, 422, page('Wrong code', `<h1 id="result" data-result="rejected">Wrong code</h1>${codeForm}`));
    }
    send(res, 404, page('Not found', '<p>Not found</p>'));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, page('Error', '<p>Portal error</p>')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    issuer,
    account,
    secret: () => secret,
    newOtp,
    qrPng,
    attempts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
