import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveUserDataDir } from '../../../electron/main/paths';

const base = { argv: ['/opt/Legation/legation'], env: {}, appDataDir: '/home/a/.config', cwd: '/work' };

describe('resolveUserDataDir', () => {
  it('defaults to <appData>/Legation, whatever package.json says', () => {
    expect(resolveUserDataDir(base)).toBe(path.join('/home/a/.config', 'Legation'));
  });

  it('takes --user-data-dir= from the command line (last one wins)', () => {
    expect(resolveUserDataDir({ ...base, argv: [...base.argv, '--user-data-dir=/tmp/p1', '--user-data-dir=/tmp/p2'] })).toBe('/tmp/p2');
  });

  it('takes LEGATION_USER_DATA from the environment', () => {
    expect(resolveUserDataDir({ ...base, env: { LEGATION_USER_DATA: '/tmp/env-profile' } })).toBe('/tmp/env-profile');
  });

  it('prefers the command line over the environment', () => {
    expect(resolveUserDataDir({ ...base, argv: ['x', '--user-data-dir=/tmp/arg'], env: { LEGATION_USER_DATA: '/tmp/env' } })).toBe(
      '/tmp/arg',
    );
  });

  it('resolves relative overrides against the working directory and ignores empty ones', () => {
    expect(resolveUserDataDir({ ...base, argv: ['x', '--user-data-dir=profiles/t1'] })).toBe('/work/profiles/t1');
    expect(resolveUserDataDir({ ...base, argv: ['x', '--user-data-dir='], env: { LEGATION_USER_DATA: '  ' } })).toBe(
      path.join('/home/a/.config', 'Legation'),
    );
    expect(resolveUserDataDir({ ...base, argv: ['x', '--user-data-dir', '/tmp/not-this-form'] })).toBe(
      path.join('/home/a/.config', 'Legation'),
    );
  });
});
