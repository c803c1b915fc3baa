import { describe, expect, it, vi } from 'vitest';
import { openExternalLink } from '../../../electron/main/external-links';
import { checkExternalLink } from '../../../shared/links';

describe('checkExternalLink', () => {
  it.each([
    'https://history.state.gov/departmenthistory/visits/iraq',
    'http://example.org/a?b=c&d=e#f',
    'https://www.aninews.in/news/world/x/',
    'https://[2001:db8::1]:8443/path',
    'HTTPS://EXAMPLE.ORG',
  ])('lets %s through', (url) => {
    expect(checkExternalLink(url)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /empty/],
    [null, /empty/],
    [42, /empty/],
    ['file:///etc/passwd', /Only web links/],
    ['javascript:alert(1)', /Only web links/],
    ['JaVaScRiPt:alert(1)', /Only web links/],
    ['data:text/html,<script>alert(1)</script>', /Only web links/],
    ['\\\\server\\share\\x.exe', /Only web links/],
    ['smb://server/share', /Only web links/],
    ['app://legation/index.html', /Only web links/],
    ['//evil.example/x', /Only web links/],
    ['https://user:pass@evil.example/', /user name or password/],
    ['https://good.example@evil.example/', /user name or password/],
    ['https://exa mple.org/', /spaces or characters/],
    ['https://example.org/\u0000x', /spaces or characters/],
    ['https://example.org/a b', /spaces or characters/],
    ['https://example.org/\u202eevil', /spaces or characters/],
    ['https:///nohost', /spaces or characters/],
    [`https://example.org/${'a'.repeat(3000)}`, /longer than/],
  ])('refuses %j', (url, reason) => {
    const r = checkExternalLink(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('openExternalLink (link:open)', () => {
  it('opens a web link only after the user confirms', async () => {
    const confirm = vi.fn(() => Promise.resolve(true));
    const openExternal = vi.fn(() => Promise.resolve());
    await expect(openExternalLink({ confirm, openExternal }, { url: 'https://example.org/' })).resolves.toEqual({ status: 'opened' });
    expect(confirm).toHaveBeenCalledWith('https://example.org/');
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');
  });

  it('does nothing when the user cancels', async () => {
    const openExternal = vi.fn(() => Promise.resolve());
    await expect(
      openExternalLink({ confirm: () => Promise.resolve(false), openExternal }, { url: 'https://example.org/' }),
    ).resolves.toEqual({
      status: 'cancelled',
    });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses hostile links without asking or opening anything', async () => {
    const confirm = vi.fn(() => Promise.resolve(true));
    const openExternal = vi.fn(() => Promise.resolve());
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', '\\\\attacker\\share', 'ms-msdt:/id PCWDiagnostic']) {
      const reply = await openExternalLink({ confirm, openExternal }, { url });
      expect(reply.status).toBe('refused');
    }
    expect(confirm).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });
});
