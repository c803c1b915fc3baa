import type { OpenExternalReply, OpenExternalRequest } from '../../shared/bridge';
import { checkExternalLink } from '../../shared/links';

export interface ExternalLinkDeps {
  /** Asks the user; resolves true to open. handlers/links.ts shows a native message box. */
  confirm(url: string): Promise<boolean>;
  /** `shell.openExternal`. */
  openExternal(url: string): Promise<void>;
}

/**
 * link:open — the main process decides, whatever the renderer checked: only http(s) links pass
 * (shared/links.ts), and only after the user confirms. Dependencies are injected so that hostile
 * input is tested without Electron.
 */
export async function openExternalLink(deps: ExternalLinkDeps, request: OpenExternalRequest): Promise<OpenExternalReply> {
  const check = checkExternalLink(request.url);
  if (!check.ok) return { status: 'refused', message: check.reason };
  if (!(await deps.confirm(check.url))) return { status: 'cancelled' };
  await deps.openExternal(check.url);
  return { status: 'opened' };
}
