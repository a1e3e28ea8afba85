/**
 * Runs in the page, before the app: builds `window.authenticator` from the
 * contract over HTTP (fetch for calls, one EventSource for events), exactly
 * the shape the Electron preload exposes. The token comes from the page's
 * address (`?token=`), which `npm run preview:web` and the tests print/open.
 */
import { buildApi, type Channel, type Outcome } from '../../common/ipc/contract';

const TOKEN_KEY = 'authdesk.bridgeToken';
const token = new URLSearchParams(location.search).get('token') ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
sessionStorage.setItem(TOKEN_KEY, token);

async function invoke(channel: Channel, input: unknown): Promise<Outcome<unknown>> {
  const response = await fetch(`/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-authdesk-token': token },
    body: JSON.stringify(input ?? {}),
  });
  // Anything but an Outcome is a transport failure: renderer/api.ts turns the throw into a plain sentence.
  if (!response.ok) throw new Error(`The bridge answered ${response.status}.`);
  const outcome = (await response.json()) as Outcome<unknown>;
  if (channel === 'codes.copy' && outcome.ok) await copyToPage();
  return outcome;
}

/**
 * In the app, main writes the system clipboard itself. Here "main" is a server
 * whose clipboard is in memory, so the client copies that text on to the
 * browser's clipboard: the page gets what the app's user would paste.
 */
async function copyToPage(): Promise<void> {
  const response = await fetch('/__test/clipboard', { headers: { 'x-authdesk-token': token } });
  const { text } = (await response.json()) as { text: string };
  await navigator.clipboard.writeText(text);
}

const listeners = new Map<string, Set<() => void>>();
let source: EventSource | null = null;

function subscribe(event: string, listener: () => void): () => void {
  if (!source) {
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      for (const l of listeners.get(message.data as string) ?? []) l();
    };
    source.addEventListener('ready', () => document.documentElement.setAttribute('data-bridge-events', 'ready'));
  }
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}

window.authenticator = buildApi(invoke, subscribe);
