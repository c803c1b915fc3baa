import { useMemo, type MouseEvent } from 'react';
import { markdownToSafeHtml } from './markdown-html';
import { bridge } from '../bridge';
import { useToast } from './toast';

/**
 * Renders a note's Markdown. The HTML comes only from `markdownToSafeHtml` (marked + DOMPurify),
 * which is the one place allowed to produce markup from user text. Clicks on links are caught:
 * they never navigate the app window; web links go to the user's browser through the bridge
 * (after a confirmation in Electron), anything else is refused.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const toast = useToast();
  const html = useMemo(() => markdownToSafeHtml(source), [source]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const link = e.target instanceof Element ? e.target.closest('a') : null;
    if (!link) return;
    e.preventDefault();
    const href = link.getAttribute('href') ?? '';
    bridge.openExternal({ url: href }).then(
      (reply) => {
        if (reply.status === 'refused') toast.notify(`This link was not opened: ${reply.message}`, { kind: 'error' });
      },
      (err: unknown) => toast.fail(err),
    );
  };
  return (
    <div
      className={`markdown${className ? ` ${className}` : ''}`}
      onClick={onClick}
      // Middle-click would open a new window: refuse it like a click.
      onAuxClick={onClick}
      // The only HTML sink in the app: sanitised by markdownToSafeHtml.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
