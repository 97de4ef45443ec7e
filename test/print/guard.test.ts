import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isAllowedUrl } from '../../src/print/guard.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isAllowedUrl', () => {
  it('allows data: and about: URLs', () => {
    expect(isAllowedUrl('data:font/ttf;base64,AAAA')).toBe(true);
    expect(isAllowedUrl('about:blank')).toBe(true);
  });

  it('refuses every network URL', () => {
    for (const url of ['https://example.com/x.png', 'http://127.0.0.1/', 'ws://localhost/', 'ftp://x/', '//example.com/x', 'blob:https://x/1']) {
      expect(isAllowedUrl(url, [dir]), url).toBe(false);
    }
  });

  it('allows file:// URLs only under an allowed directory', () => {
    const inside = pathToFileURL(join(dir, 'img', 'logo.png')).href;
    expect(isAllowedUrl(inside, [dir])).toBe(true);
    expect(isAllowedUrl(inside, [])).toBe(false);
    expect(isAllowedUrl(pathToFileURL('/etc/passwd').href, [dir])).toBe(false);
    expect(isAllowedUrl(`file://${dir}/../etc/passwd`, [dir])).toBe(false);
    expect(isAllowedUrl(pathToFileURL(dir + '-other/x.png').href, [dir])).toBe(false);
    expect(isAllowedUrl('file://otherhost/x.png', [dir])).toBe(false);
  });

  it('follows symlinks out of an allowed directory', () => {
    symlinkSync('/etc', join(dir, 'link'));
    expect(isAllowedUrl(pathToFileURL(join(dir, 'link', 'passwd')).href, [dir])).toBe(false);
  });
});
