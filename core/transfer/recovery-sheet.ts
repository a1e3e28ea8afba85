/**
 * The printable recovery sheet: one HTML file with every account's QR code
 * (an embedded PNG of its otpauth link, from `qrcode`) and its key as text,
 * issuer and name, laid out to print on paper. It holds every secret in
 * clear text: the app asks first and writes it as a new 0600 file. Written
 * in main (or the CLI), never in the renderer. The page loads nothing: its
 * own CSP allows only inline styles and data: images.
 */
import QRCode from 'qrcode';
import type { AccountDraft } from '../../common/otp/types';
import { formatOtpauthUri } from '../otp/uri-format';

export type SheetLanguage = 'en' | 'nb';

const TEXT = {
  en: {
    title: 'Authdesk recovery sheet',
    warning:
      'This sheet holds every secret key in clear text. Anyone who sees it can make your sign-in codes. Print it, keep the paper somewhere safe, and delete this file.',
    made: (date: string, n: number) => `Made ${date}: ${n} ${n === 1 ? 'account' : 'accounts'}.`,
    restore:
      'To bring an account back, scan its QR code with Authdesk (Scan QR code) or another authenticator app, or type its key by hand (Add manually).',
    issuer: 'Issuer',
    name: 'Name',
    key: 'Key',
    settings: 'Settings',
    counter: 'counter',
    seconds: 's',
    digits: 'digits',
  },
  nb: {
    title: 'Authdesk-gjenopprettingsark',
    warning:
      'Dette arket inneholder alle hemmelige nøkler i klartekst. Alle som ser det, kan lage innloggingskodene dine. Skriv det ut, oppbevar papiret et trygt sted, og slett denne filen.',
    made: (date: string, n: number) => `Laget ${date}: ${n} ${n === 1 ? 'konto' : 'kontoer'}.`,
    restore:
      'For å få tilbake en konto: skann QR-koden med Authdesk (Skann QR-kode) eller en annen autentiseringsapp, eller skriv inn nøkkelen for hånd (Legg til manuelt).',
    issuer: 'Utsteder',
    name: 'Navn',
    key: 'Nøkkel',
    settings: 'Innstillinger',
    counter: 'teller',
    seconds: 's',
    digits: 'sifre',
  },
} as const;

const CSS = `
  body { font: 11pt/1.4 system-ui, sans-serif; color: #000; background: #fff; margin: 2em; }
  h1 { font-size: 18pt; margin: 0 0 .4em; }
  .warning { border: 2px solid #000; padding: .6em .8em; font-weight: 600; }
  .accounts { display: grid; grid-template-columns: repeat(2, 1fr); gap: 1em; margin-top: 1em; }
  .account { border: 1px solid #666; padding: .8em; display: flex; gap: .8em; break-inside: avoid; page-break-inside: avoid; }
  .account img { width: 150px; height: 150px; image-rendering: pixelated; flex: none; }
  dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: .1em .6em; align-content: start; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .key { font-family: ui-monospace, monospace; font-size: 10.5pt; letter-spacing: .03em; }
  @media print { body { margin: 0; } .accounts { gap: .6em; } @page { margin: 12mm; } }
`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The key in groups of four, as people copy it from paper. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export async function recoverySheetHtml(
  accounts: AccountDraft[],
  language: SheetLanguage,
  madeAt: Date,
): Promise<string> {
  const t = TEXT[language];
  const date = madeAt.toISOString().slice(0, 10);
  const cards = await Promise.all(
    accounts.map(async (a) => {
      const qr = await QRCode.toDataURL(formatOtpauthUri(a), { errorCorrectionLevel: 'M', margin: 2, scale: 4 });
      const when = a.type === 'hotp' ? `${t.counter} ${a.counter}` : `${a.period} ${t.seconds}`;
      const settings = `${a.type.toUpperCase()}, ${a.algorithm}, ${a.digits} ${t.digits}, ${when}`;
      return `<section class="account">
  <img src="${qr}" alt="">
  <dl>
    <dt>${t.issuer}</dt><dd>${escapeHtml(a.issuer)}</dd>
    <dt>${t.name}</dt><dd>${escapeHtml(a.name)}</dd>
    <dt>${t.key}</dt><dd class="key">${escapeHtml(grouped(a.secret))}</dd>
    <dt>${t.settings}</dt><dd>${settings}</dd>
  </dl>
</section>`;
    }),
  );
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${t.title}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${t.title}</h1>
<p class="warning">${t.warning}</p>
<p>${t.made(date, accounts.length)} ${t.restore}</p>
<div class="accounts">
${cards.join('\n')}
</div>
</body>
</html>
`;
}
