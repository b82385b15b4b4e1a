/**
 * Reading a page's bytes the way a browser does, for inputs that do not come from a browser (the CLI's
 * files, stdin and fetches): which encoding the bytes are in, and which address the page's links are
 * relative to when nobody said where the page came from. Pure: no Node or browser APIs beyond
 * TextDecoder and URL.
 */

/** How far into the file the `<meta charset>` prescan looks (the HTML standard's 1024 bytes). */
const PRESCAN_BYTES = 1024;

export type EncodingSource = 'bom' | 'transport' | 'meta' | 'utf-8-valid' | 'default';

export interface SniffedEncoding {
  /** The WHATWG encoding name, as TextDecoder reports it ("utf-8", "windows-1252", "shift_jis", …). */
  encoding: string;
  source: EncodingSource;
}

/** The encoding a label names, or null for labels TextDecoder does not know. */
function encodingOfLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
    // A page that declares UTF-16 in its own ASCII-compatible bytes is not UTF-16 (HTML standard).
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** `charset=…` inside a Content-Type value (an HTTP header or a meta http-equiv's content). */
export function charsetOfContentType(contentType: string): string | null {
  return /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s"']+)/i.exec(contentType)?.[1] ?? null;
}

/**
 * The charset a `<meta charset>` or `<meta http-equiv="content-type">` declares in the first bytes.
 * A simplified prescan: the bytes are read as latin-1 (every byte one character, so ASCII markup reads
 * right whatever the real encoding), comments are skipped, and each meta tag's attributes are read.
 */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252')
    .decode(bytes.subarray(0, PRESCAN_BYTES))
    .replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const match of tag[0].matchAll(/([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+)/g)) {
      const name = (match[1] ?? '').toLowerCase();
      if (!attributes.has(name)) attributes.set(name, (match[2] ?? '').replace(/^["']|["']$/g, ''));
    }
    const declared = attributes.get('charset');
    if (declared) {
      const encoding = encodingOfLabel(declared);
      if (encoding) return encoding;
      continue;
    }
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-type') {
      const encoding = encodingOfLabel(charsetOfContentType(attributes.get('content') ?? ''));
      if (encoding) return encoding;
    }
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a page's bytes, in the order a browser decides it: a byte order mark, then the
 * charset of the HTTP Content-Type (`transportCharset`, for fetched pages), then `<meta charset>` or
 * `http-equiv` in the first 1024 bytes, then UTF-8 when the bytes are valid UTF-8 (what a browser's
 * detector concludes for today's undeclared pages), else windows-1252, the web's legacy default.
 */
export function sniffEncoding(bytes: Uint8Array, transportCharset?: string | null): SniffedEncoding {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom, source: 'bom' };
  const transport = encodingOfLabel(transportCharset);
  if (transport) return { encoding: transport, source: 'transport' };
  const meta = metaCharset(bytes);
  if (meta) return { encoding: meta, source: 'meta' };
  if (isValidUtf8(bytes)) return { encoding: 'utf-8', source: 'utf-8-valid' };
  return { encoding: 'windows-1252', source: 'default' };
}

/** The page's text, decoded as sniffEncoding decides (the BOM is dropped). */
export function decodePageBytes(bytes: Uint8Array, transportCharset?: string | null): string {
  return new TextDecoder(sniffEncoding(bytes, transportCharset).encoding).decode(bytes);
}

function httpUrl(href: string | null | undefined, base?: string): string | null {
  if (!href?.trim()) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The web address a saved page declares for itself, for resolving its links when nobody gave one:
 * an absolute `<base href>`, else `<link rel=canonical>`, else `og:url`. Null when none is an absolute
 * http(s) address (a relative one says nothing about where the page lives).
 */
export function declaredPageUrl(doc: Document): string | null {
  const candidates = [
    doc.querySelector('base[href]')?.getAttribute('href'),
    doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i][content]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const url = httpUrl(candidate);
    if (url) return url;
  }
  return null;
}
