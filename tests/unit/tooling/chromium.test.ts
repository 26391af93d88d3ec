import { describe, expect, it } from 'vitest';
import {
  findChromium,
  NO_CHROMIUM_MESSAGE,
  SYSTEM_CHROMIUM,
  SYSTEM_CHROMIUM_FLAGS,
  type ChromiumProbe,
} from '../../chromium';

const probe = (files: string[], own?: string, env: Record<string, string> = {}): ChromiumProbe => ({
  env,
  exists: (p) => files.includes(p),
  playwrightPath: () => own,
});

describe('findChromium', () => {
  it("prefers Playwright's own download when it is on disk", () => {
    const own = '/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome';
    expect(findChromium(probe([own, SYSTEM_CHROMIUM], own))).toEqual({
      executablePath: undefined,
      args: [],
      source: 'playwright',
    });
  });

  it('falls back to the system chromium with the machine flags', () => {
    const choice = findChromium(probe([SYSTEM_CHROMIUM], '/missing/chrome'));
    expect(choice?.executablePath).toBe('/usr/bin/chromium');
    expect(choice?.args).toEqual(SYSTEM_CHROMIUM_FLAGS);
    expect(choice?.args).toContain('--disable-background-networking');
  });

  it('uses CHROMIUM_PATH first when it exists', () => {
    const choice = findChromium(
      probe(['/opt/chrome', SYSTEM_CHROMIUM], undefined, { CHROMIUM_PATH: '/opt/chrome' }),
    );
    expect(choice?.source).toBe('env');
    expect(choice?.executablePath).toBe('/opt/chrome');
  });

  it('returns undefined when no browser exists, and the message is one line naming the fix', () => {
    expect(findChromium(probe([], '/missing/chrome'))).toBeUndefined();
    expect(NO_CHROMIUM_MESSAGE).not.toContain('\n');
    expect(NO_CHROMIUM_MESSAGE).toMatch(/apt-get install -y chromium/);
  });
});
