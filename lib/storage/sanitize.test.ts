import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { hostileArticleHtml, XSS_PAYLOADS } from '../../tests/support/xss-corpus.ts';
import { sanitizeArticleHtml, sanitizedFragment } from './sanitize.ts';

const { window } = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://reader.example/' });
const sanitize = (html: string, baseUrl?: string) =>
  sanitizeArticleHtml(html, window as unknown as Window, { baseUrl });

/** Parses sanitised output and lists anything that could run code, navigate or pull in styles. */
function dangers(html: string): string[] {
  const doc = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
  const found: string[] = [];
  for (const el of doc.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (
      [
        'script',
        'style',
        'iframe',
        'object',
        'embed',
        'form',
        'meta',
        'base',
        'link',
        'svg',
        'math',
        'template',
      ].includes(tag)
    ) {
      found.push(`<${tag}>`);
    }
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${tag}@${attr.name}`);
      if (['style', 'srcset', 'formaction', 'action', 'srcdoc'].includes(attr.name))
        found.push(`${tag}@${attr.name}`);
      if (
        /^\s*(javascript|vbscript|data:text)/i.test(
          [...attr.value].filter((c) => c.charCodeAt(0) > 32).join(''),
        )
      ) {
        found.push(`${tag}@${attr.name}=${attr.value}`);
      }
    }
  }
  return found;
}

describe('sanitizeArticleHtml', () => {
  it.each(Object.entries(XSS_PAYLOADS))('neutralises %s', (_name, payload) => {
    const clean = sanitize(`<p>before</p>${payload}<p>after</p>`);
    expect(dangers(clean)).toEqual([]);
    // Unclosed payloads (the mXSS ones) may swallow what follows; what came before always survives.
    expect(clean).toContain('<p>before</p>');
  });

  it('stores no request for credentials and no autoplay', () => {
    const clean = sanitize(
      '<img src="https://i.example/a.jpg" crossorigin="use-credentials"><video src="https://v.example/v.mp4" autoplay crossorigin></video>',
    );
    expect(clean).not.toMatch(/crossorigin|autoplay/i);
    expect(clean).toContain('src="https://i.example/a.jpg"');
  });

  it('keeps ordinary article structure, links and remote images', () => {
    const clean = sanitize(hostileArticleHtml());
    expect(clean).toContain('<h1>Hostile article</h1>');
    expect(clean).toContain('href="https://example.org/ok"');
    expect(clean).toMatch(/<img src="https:\/\/images\.example\.org\/photo\.jpg" alt="Photo"/);
    expect(dangers(clean)).toEqual([]);
  });

  it('opens links in a new tab without a referrer and loads images without one', () => {
    const clean = sanitize('<a href="https://example.org/x">x</a><img src="https://example.org/i.png">');
    expect(clean).toContain('target="_blank"');
    expect(clean).toContain('rel="noopener noreferrer"');
    expect(clean).toContain('referrerpolicy="no-referrer"');
  });

  it('resolves relative URLs against the article, or drops them when there is no base', () => {
    expect(sanitize('<a href="/next">n</a>', 'https://news.example/politik/a')).toContain(
      'href="https://news.example/next"',
    );
    expect(sanitize('<img src="pic.jpg">', 'https://news.example/politik/a')).toContain(
      'src="https://news.example/politik/pic.jpg"',
    );
    expect(sanitize('<a href="/next">n</a>')).not.toContain('href=');
    expect(sanitize('<a href="#section">n</a>')).toContain('href="#section"');
  });

  it('keeps data: images but not data: documents', () => {
    expect(sanitize('<img src="data:image/png;base64,iVBORw0KGgo=">')).toContain(
      'src="data:image/png;base64,',
    );
    expect(sanitize('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).not.toContain('src=');
  });

  it('prefixes ids so saved content cannot clobber the page globals', () => {
    expect(sanitize('<p id="app">x</p>')).toContain('id="user-content-app"');
  });

  it('sanitizedFragment gives the same result as a DOM fragment', () => {
    const fragment = sanitizedFragment(hostileArticleHtml(), window as unknown as Window);
    const holder = window.document.createElement('div');
    holder.append(fragment);
    expect(dangers(holder.innerHTML)).toEqual([]);
    expect(holder.querySelector('h1')?.textContent).toBe('Hostile article');
  });
});
