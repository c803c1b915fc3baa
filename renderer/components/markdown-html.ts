import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * Markdown to HTML that is safe to put in the page: `marked` renders, DOMPurify removes
 * everything that could run code or reach the network. A note is user text (possibly pasted from
 * anywhere); in a desktop app an XSS would act with the app's rights, so the rules are strict:
 * - no scripts, event handlers, styles, forms, frames, SVG or MathML;
 * - links keep only http:, https: and mailto: addresses, lose `target`, get
 *   rel="noopener noreferrer" and show their address as a tooltip (the component intercepts
 *   clicks: links never navigate the app window);
 * - images become their alt text: a remote image would be a request to the network (a tracking
 *   pixel) from an offline app.
 */

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    image({ text }) {
      return `<span class="md-image">[image${text ? `: ${escapeHtml(text)}` : ''}]</span>`;
    },
  },
});

// A private DOMPurify instance: its hooks do not leak into other users of the library.
let purifier: ReturnType<typeof DOMPurify> | null = null;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.removeAttribute('target');
      node.setAttribute('rel', 'noopener noreferrer');
      const href = node.getAttribute('href');
      if (href) node.setAttribute('title', href);
    }
  });
  purifier = p;
  return p;
}

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'frame',
    'object',
    'embed',
    'svg',
    'math',
    'img',
    'video',
    'audio',
    'source',
    'picture',
    'link',
    'meta',
    'base',
  ],
  FORBID_ATTR: ['style', 'target', 'srcset', 'action', 'formaction'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
};

/** Renders Markdown to sanitised HTML. Needs a DOM (DOMPurify); the renderer has one. */
export function markdownToSafeHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return getPurifier().sanitize(html, CONFIG);
}
