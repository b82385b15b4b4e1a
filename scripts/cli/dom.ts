/**
 * The CLI's DOM: linkedom (a light DOM without layout or scripts), with the tree built by parse5, the
 * HTML standard's parser (the same tree a browser and jsdom build; linkedom's own htmlparser2 front end
 * does not repair misnested markup the way browsers do). `--dom jsdom` keeps jsdom for comparison.
 *
 * Scripts never run in either: page content is untrusted.
 */
import { DOMParser } from 'linkedom';
import { type DefaultTreeAdapterMap, html as htmlNs, parse, type Token, type TreeAdapter } from 'parse5';

export const DOM_NAMES = ['linkedom', 'jsdom'] as const;
export type DomName = (typeof DOM_NAMES)[number];

/** A parsed page and how to let it go. */
export interface PageDom {
  document: Document;
  close(): void;
}

type LNode = Node & { nodeName: string };
type LParent = Node & ParentNode;

/** Nodes parse5 knows by their DOM type; linkedom's doctype is a plain string on the document. */
const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

const NS_BY_URI = new Map<string, htmlNs.NS>(Object.values(htmlNs.NS).map((ns) => [ns, ns]));

/**
 * A parse5 tree adapter that builds linkedom nodes directly, through the DOM's own methods, so parse5's
 * tree construction (implied tags, foster parenting, the adoption agency) decides the shape.
 */
function linkedomAdapter(doc: Document): TreeAdapter<DefaultTreeAdapterMap> {
  let mode: htmlNs.DOCUMENT_MODE = htmlNs.DOCUMENT_MODE.NO_QUIRKS;
  const appendText = (parent: LParent, text: string, before: Node | null) => {
    const previous = before ? before.previousSibling : parent.lastChild;
    if (previous && previous.nodeType === TEXT) (previous as Text).data += text;
    else parent.insertBefore(doc.createTextNode(text), before);
  };
  const adapter = {
    createDocument: () => doc,
    createDocumentFragment: () => doc.createDocumentFragment(),
    createElement(tagName: string, namespaceURI: string, attrs: Token.Attribute[]) {
      const element =
        namespaceURI === htmlNs.NS.HTML
          ? doc.createElement(tagName)
          : doc.createElementNS(namespaceURI, tagName);
      for (const attr of attrs) {
        try {
          element.setAttribute(attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name, attr.value);
        } catch {
          // A name the DOM refuses (parse5 keeps odd names like `"` or `<`); browsers drop them too.
        }
      }
      return element;
    },
    createCommentNode: (data: string) => doc.createComment(data),
    createTextNode: (value: string) => doc.createTextNode(value),
    appendChild(parent: LParent, node: Node) {
      parent.appendChild(node);
    },
    insertBefore(parent: LParent, node: Node, reference: Node) {
      parent.insertBefore(node, reference);
    },
    setTemplateContent(template: Element, content: DocumentFragment) {
      (template as HTMLTemplateElement).content.appendChild(content);
    },
    getTemplateContent: (template: Element) => (template as HTMLTemplateElement).content,
    setDocumentType() {
      // linkedom writes `<!DOCTYPE html>` for every HTML document; nothing in Kontext reads the doctype.
    },
    setDocumentMode(_document: Document, value: htmlNs.DOCUMENT_MODE) {
      mode = value;
    },
    getDocumentMode: () => mode,
    detachNode(node: Node) {
      node.parentNode?.removeChild(node);
    },
    insertText(parent: LParent, text: string) {
      appendText(parent, text, null);
    },
    insertTextBefore(parent: LParent, text: string, reference: Node) {
      appendText(parent, text, reference);
    },
    adoptAttributes(recipient: Element, attrs: Token.Attribute[]) {
      for (const attr of attrs) {
        if (!recipient.hasAttribute(attr.name)) {
          try {
            recipient.setAttribute(attr.name, attr.value);
          } catch {
            // As in createElement.
          }
        }
      }
    },
    getFirstChild: (node: LParent) => node.firstChild,
    getChildNodes: (node: LParent) => Array.from(node.childNodes),
    getParentNode: (node: Node) => node.parentNode,
    getAttrList: (element: Element) =>
      Array.from(element.attributes, (attr) => ({ name: attr.name, value: attr.value })),
    getTagName: (element: Element) => element.localName,
    getNamespaceURI: (element: Element) =>
      NS_BY_URI.get(element.namespaceURI ?? htmlNs.NS.HTML) ?? htmlNs.NS.HTML,
    getTextNodeContent: (node: Text) => node.data,
    getCommentNodeContent: (node: Comment) => node.data,
    getDocumentTypeNodeName: () => 'html',
    getDocumentTypeNodePublicId: () => '',
    getDocumentTypeNodeSystemId: () => '',
    isTextNode: (node: LNode) => node.nodeType === TEXT,
    isCommentNode: (node: LNode) => node.nodeType === COMMENT,
    isDocumentTypeNode: () => false,
    isElementNode: (node: LNode) => node.nodeType === ELEMENT,
    setNodeSourceCodeLocation() {},
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation() {},
  };
  return adapter as unknown as TreeAdapter<DefaultTreeAdapterMap>;
}

const ADDRESS = Symbol('kontext.address');
const PINNED_BASE = Symbol('kontext.pinned-base');
type AddressedDocument = Document & { [ADDRESS]?: string; [PINNED_BASE]?: string };

/** The address a `<base href>` gives a document at `url`, as a browser resolves it. */
function baseOf(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href === undefined || href === null) return url;
  try {
    return new URL(href, url === 'about:blank' ? undefined : url).href;
  } catch {
    return url;
  }
}

const addressOf = (doc: AddressedDocument) => doc[ADDRESS] ?? 'about:blank';

/**
 * Three gaps in linkedom that change what Readability and Kontext read, closed once on its document
 * class: (1) a document has no address (`documentURI`, `URL`; its `baseURI` is only a `<base href>`),
 * so Readability cannot make the article's relative links absolute; (2) a clone (Readability parses a
 * clone) forgets it; (3) `createElement('DIV')` (Readability's wrapper) keeps the case where an HTML
 * document lowercases the name: `<DIV>` in the article HTML, and a `div` selector that misses it.
 */
function patchLinkedom(documentClass: AddressedDocument): void {
  const { cloneNode, createElement } = documentClass;
  const getter = (get: (doc: AddressedDocument) => string) => ({
    configurable: true,
    get(this: AddressedDocument) {
      return get(this);
    },
  });
  Object.defineProperties(documentClass, {
    documentURI: getter(addressOf),
    URL: getter(addressOf),
    baseURI: getter((doc) => doc[PINNED_BASE] ?? baseOf(doc, addressOf(doc))),
    cloneNode: {
      configurable: true,
      writable: true,
      value(this: AddressedDocument, deep?: boolean) {
        const clone = cloneNode.call(this, deep) as AddressedDocument;
        clone[ADDRESS] = this[ADDRESS];
        clone[PINNED_BASE] = this[PINNED_BASE];
        return clone;
      },
    },
    createElement: {
      configurable: true,
      writable: true,
      value(this: Document, name: string, options?: ElementCreationOptions) {
        return createElement.call(this, name.toLowerCase(), options);
      },
    },
  });
}

let patched = false;

function linkedomDom(html: string, url: string): PageDom {
  const doc = new DOMParser().parseFromString('', 'text/html') as unknown as AddressedDocument;
  if (!patched) {
    patchLinkedom(Object.getPrototypeOf(doc));
    patched = true;
  }
  doc[ADDRESS] = url;
  // The empty parse leaves nothing behind; parse5 builds <html>, <head> and <body> itself.
  while (doc.firstChild) doc.removeChild(doc.firstChild);
  parse(html, { treeAdapter: linkedomAdapter(doc) });
  return { document: doc, close() {} };
}

/**
 * Pins a linkedom document's base address (`baseURI`) to what its `<base href>` gives now, for it and
 * its copies: linkedom finds the `<base>` by walking the whole document on every read, and Readability
 * and the related-link search read it about three times a page (1% of `--jsonl`). For a page whose
 * `<base>` no longer changes (the CLI pins after giving a file its declared address). jsdom documents
 * are left as they are.
 */
export function pinBase(doc: Document): void {
  const addressed = doc as AddressedDocument;
  if (addressed[ADDRESS] !== undefined) addressed[PINNED_BASE] = doc.baseURI;
}

/** jsdom is loaded only when asked for: it alone takes longer to load than the whole CLI. */
async function jsdomDom(html: string, url: string): Promise<PageDom> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  return { document: dom.window.document, close: () => dom.window.close() };
}

/** Parses `html` as the page at `url` ('about:blank' when it has no web address). */
export async function parsePage(html: string, url: string, dom: DomName = 'linkedom'): Promise<PageDom> {
  return dom === 'jsdom' ? jsdomDom(html, url) : linkedomDom(html, url);
}
