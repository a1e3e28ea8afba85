/** dataDir must be the folder Electron's app.getPath('userData') gives for "Authdesk", so the app and the CLI share files. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, dataDir, keychainService, vaultFiles } from '../../core/paths';

describe('dataDir', () => {
  it('lets AUTHDESK_DATA_DIR win on every platform (made absolute)', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(dataDir({ AUTHDESK_DATA_DIR: '/tmp/ad', HOME: '/home/u', XDG_CONFIG_HOME: '/x' }, platform)).toBe(
        path.resolve('/tmp/ad'),
      );
    }
    expect(dataDir({ AUTHDESK_DATA_DIR: 'rel/dir', HOME: '/home/u' }, 'linux')).toBe(path.resolve('rel/dir'));
  });

  it('follows XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(dataDir({ HOME: '/home/u', XDG_CONFIG_HOME: '/home/u/.cfg' }, 'linux')).toBe('/home/u/.cfg/Authdesk');
    expect(dataDir({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.config/Authdesk');
    expect(dataDir({ HOME: '/home/u', XDG_CONFIG_HOME: 'relative' }, 'linux')).toBe('/home/u/.config/Authdesk'); // invalid per the XDG spec
    expect(dataDir({ HOME: '/home/u', AUTHDESK_DATA_DIR: '  ' }, 'freebsd')).toBe('/home/u/.config/Authdesk');
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(dataDir({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Application Support/Authdesk');
    expect(dataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming', USERPROFILE: 'C:\\Users\\u' }, 'win32')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Authdesk',
    );
    expect(dataDir({ USERPROFILE: 'C:\\Users\\u' }, 'win32')).toBe('C:\\Users\\u\\AppData\\Roaming\\Authdesk');
  });
});

describe('keychainService and vaultFiles', () => {
  it('uses the app id unless AUTHDESK_KEYCHAIN_SERVICE is set', () => {
    expect(APP_ID).toBe('io.authdesk.Authdesk');
    expect(keychainService({})).toBe(APP_ID);
    expect(keychainService({ AUTHDESK_KEYCHAIN_SERVICE: 'test-service' })).toBe('test-service');
  });

  it('names the files of the data folder', () => {
    expect(vaultFiles('/d')).toEqual({
      dir: '/d',
      metadata: path.join('/d', 'accounts.json'),
      backup: path.join('/d', 'accounts.json.bak'),
      lock: path.join('/d', '.lock'),
    });
  });
});
