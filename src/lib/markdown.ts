/**
 * A note's markdown as HTML that cannot run anything: marked renders it, DOMPurify keeps only
 * inert markup (no script, no event handler, no style, no form, no frame). Links open apart
 * (`rel="noopener noreferrer"`), and images from another origin are dropped: a shared notebook
 * must not make the page fetch an address that would tell its author who opened it, and when.
 */
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowedTags = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input',
];
const allowedAttributes = ['href', 'title', 'alt', 'src', 'align', 'type', 'checked', 'disabled', 'start'];

let hooked = false;

function hook(origin: string) {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (element.tagName === 'A' && element.hasAttribute('href')) {
      element.setAttribute('rel', 'noopener noreferrer');
      element.setAttribute('target', '_blank');
    }
    if (element.tagName === 'IMG') {
      const src = element.getAttribute('src') ?? '';
      let sameOrigin = false;
      try {
        sameOrigin = new URL(src, document.baseURI).origin === origin && !/^\s*(data|blob):/i.test(src);
      } catch {
        sameOrigin = false;
      }
      if (!sameOrigin) element.removeAttribute('src');
    }
    // Task-list checkboxes only show; nothing else is an input.
    if (element.tagName === 'INPUT' && element.getAttribute('type') !== 'checkbox') element.remove();
    if (element.tagName === 'INPUT') element.setAttribute('disabled', '');
  });
}

/** Sanitised HTML for a note; runs in the page (DOMPurify needs the DOM). */
export function renderMarkdown(text: string): string {
  hook(location.origin);
  const html = marked.parse(text) as string;
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: allowedAttributes,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/|\.\/|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  });
}
