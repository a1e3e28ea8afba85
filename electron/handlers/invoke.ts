/**
 * The one way a call crosses into main: validate with the contract's schema,
 * run the handler, and turn whatever happens into an Outcome value. Used by
 * the Electron registry and the web test bridge alike, so both refuse the
 * same inputs with the same words and neither can leak a stack trace.
 */
import { AuthdeskError, toErrorValue } from '../../common/errors';
import { contract, type Channel, type Outcome } from '../../common/ipc/contract';
import { describeBadInput } from './bad-input';
import type { Handlers } from './types';

export type InternalErrorLog = (channel: string, err: unknown) => void;

const logToConsole: InternalErrorLog = (channel, err) => console.error(`[authdesk] ${channel} failed:`, err);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export async function invokeChannel(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  logInternal: InternalErrorLog = logToConsole,
): Promise<Outcome<unknown>> {
  if (!isChannel(channel))
    return { ok: false, error: { code: 'bad-input', message: 'Authdesk does not know this request.' } };
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: { code: 'bad-input', message: describeBadInput(parsed.error) } };
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    // Expected failures carry their own sentence; anything else is a bug we
    // log here in main (stack and all) and report to the caller as a fixed text.
    if (!(err instanceof AuthdeskError)) logInternal(channel, err);
    return { ok: false, error: toErrorValue(err) };
  }
}
