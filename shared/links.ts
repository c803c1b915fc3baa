/**
 * Which links may leave the app for the user's web browser: plain http(s) URLs with a host and
 * nothing unusual. Everything else — file:, javascript:, data:, UNC paths, credentials in the URL,
 * control characters or spaces, over-long URLs — is refused. Checked with a strict pattern rather
 * than a URL parser so that the rule is the same in every process and easy to read.
 */
const MAX_LINK_LENGTH = 2048;

const HOST = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])`;
const SAFE_URL = new RegExp(String.raw`^https?://${HOST}(?::\d{1,5})?(?:[/?#][\x21-\x7e]*)?$`, 'i');

export type LinkCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkExternalLink(raw: unknown): LinkCheck {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'The link is empty.' };
  const url = raw.trim();
  if (url.length > MAX_LINK_LENGTH) return { ok: false, reason: `The link is longer than ${MAX_LINK_LENGTH} characters.` };
  if (!/^https?:\/\//i.test(url)) return { ok: false, reason: 'Only web links (http or https) open in the browser.' };
  const authority = url.replace(/^https?:\/\//i, '').split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return { ok: false, reason: 'Links with a user name or password are not opened.' };
  if (!SAFE_URL.test(url)) return { ok: false, reason: 'The link contains spaces or characters a web address cannot have.' };
  return { ok: true, url };
}
