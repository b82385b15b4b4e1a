import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { charsetOfContentType, declaredPageUrl, decodePageBytes, sniffEncoding } from './page-input.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('sniffEncoding', () => {
  it('reads undeclared bytes that are valid UTF-8 as UTF-8, and others as windows-1252', () => {
    expect(sniffEncoding(utf8('<p>München</p>'))).toEqual({ encoding: 'utf-8', source: 'utf-8-valid' });
    expect(sniffEncoding(latin1('<p>München</p>'))).toEqual({ encoding: 'windows-1252', source: 'default' });
    expect(decodePageBytes(utf8('<p>„Bin Laden“ in München</p>'))).toBe('<p>„Bin Laden“ in München</p>');
    expect(decodePageBytes(latin1('<p>München</p>'))).toBe('<p>München</p>');
  });

  it('takes <meta charset> and http-equiv from the first bytes, but not from a comment', () => {
    const meta = latin1('<html><head><meta charset="ISO-8859-1"><title>Köln</title>');
    expect(sniffEncoding(meta)).toEqual({ encoding: 'windows-1252', source: 'meta' });
    const httpEquiv = utf8(
      '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis"><p>abc</p>',
    );
    expect(sniffEncoding(httpEquiv)).toEqual({ encoding: 'shift_jis', source: 'meta' });
    const commented = utf8('<!-- <meta charset="windows-1251"> --><p>Straße</p>');
    expect(sniffEncoding(commented).encoding).toBe('utf-8');
    const late = utf8(`<!doctype html>${' '.repeat(1100)}<meta charset="windows-1251"><p>Straße</p>`);
    expect(sniffEncoding(late)).toEqual({ encoding: 'utf-8', source: 'utf-8-valid' });
  });

  it('ignores a charset it does not know and a declared UTF-16 in ASCII bytes', () => {
    expect(sniffEncoding(utf8('<meta charset="klingon"><p>Ä</p>')).source).toBe('utf-8-valid');
    expect(sniffEncoding(utf8('<meta charset="utf-16"><p>a</p>'))).toEqual({
      encoding: 'utf-8',
      source: 'meta',
    });
  });

  it('lets a byte order mark win over everything, and the server charset over the meta tag', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="iso-8859-1"><p>Zürich</p>')]);
    expect(sniffEncoding(bom, 'windows-1252')).toEqual({ encoding: 'utf-8', source: 'bom' });
    expect(decodePageBytes(bom)).toBe('<meta charset="iso-8859-1"><p>Zürich</p>');
    const declared = latin1('<meta charset="utf-8"><p>Zürich</p>');
    expect(sniffEncoding(declared, 'iso-8859-1')).toEqual({ encoding: 'windows-1252', source: 'transport' });
    expect(decodePageBytes(declared, 'iso-8859-1')).toContain('Zürich');
  });
});

describe('charsetOfContentType', () => {
  it('finds the charset parameter, quoted or not', () => {
    expect(charsetOfContentType('text/html; charset=ISO-8859-1')).toBe('ISO-8859-1');
    expect(charsetOfContentType('text/html;charset="utf-8"')).toBe('"utf-8"');
    expect(charsetOfContentType('text/html')).toBeNull();
  });
});

describe('declaredPageUrl', () => {
  const doc = (head: string) => new JSDOM(`<head>${head}</head><body></body>`).window.document;

  it('prefers an absolute <base href>, then the canonical link, then og:url', () => {
    const all =
      '<meta property="og:url" content="https://og.example/a"><link rel="canonical" href="https://canon.example/a"><base href="https://base.example/dir/">';
    expect(declaredPageUrl(doc(all))).toBe('https://base.example/dir/');
    expect(declaredPageUrl(doc(all.replace(/<base[^>]*>/, '')))).toBe('https://canon.example/a');
    expect(declaredPageUrl(doc('<meta property="og:url" content="https://og.example/a">'))).toBe(
      'https://og.example/a',
    );
  });

  it('skips relative and non-web declarations', () => {
    expect(
      declaredPageUrl(doc('<base href="/dir/"><link rel="canonical" href="file:///x.html">')),
    ).toBeNull();
    expect(declaredPageUrl(doc(''))).toBeNull();
  });
});
