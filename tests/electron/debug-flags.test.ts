import { describe, expect, it } from 'vitest';
import { forbiddenDebugSwitch } from '../../electron/debug-flags';

describe('debugger switches of a packaged app', () => {
  it('names the first forbidden switch', () => {
    for (const [arg, name] of [
      ['--inspect', '--inspect'],
      ['--inspect=9229', '--inspect'],
      ['--inspect-brk=0.0.0.0:9229', '--inspect-brk'],
      ['--inspect-port=1', '--inspect-port'],
      ['--remote-debugging-port=9222', '--remote-debugging-port'],
      ['--remote-debugging-pipe', '--remote-debugging-pipe'],
    ] as const)
      expect(forbiddenDebugSwitch(['/opt/Authdesk/authdesk', arg]), arg).toBe(name);
  });

  it('lets ordinary arguments through', () => {
    expect(
      forbiddenDebugSwitch(['/opt/Authdesk/authdesk', '--no-sandbox-not-really', '--inspector-ui', 'file.png']),
    ).toBe(null);
  });
});
