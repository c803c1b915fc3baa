import { useMemo, type MouseEvent } from 'react';
import { markdownToSafeHtml } from './markdown-html';
import { useToast } from './toast';

/**
 * Renders a note's Markdown. The HTML comes only from `markdownToSafeHtml` (marked + DOMPurify),
 * which is the one place allowed to produce markup from user text. Clicks on links are caught:
 * they must never navigate the app window, and opening the system browser is not wired yet.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const toast = useToast();
  const html = useMemo(() => markdownToSafeHtml(source), [source]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const link = e.target instanceof Element ? e.target.closest('a') : null;
    if (!link) return;
    e.preventDefault();
    const href = link.getAttribute('href');
    toast.notify(href ? `Links open in your browser in a later version: ${href}` : 'Links open in your browser in a later version');
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
