/**
 * Issue 18's hostile and extreme pages, generated at test time (nothing large is committed). Each page
 * carries the same probe script: a page-side timer whose largest gap between ticks says whether Kontext
 * froze the page, and a record of what the page's own hostile code managed to do. The e2e test
 * (tests/e2e/hostile.e2e.test.ts) and the bench (scripts/bench/hostile.ts) serve them.
 */

export type HostilePageName =
  | 'card-takeover'
  | 'key-spoof'
  | 'highlight-thief'
  | 'huge-text'
  | 'many-mentions'
  | 'pathological-token'
  | 'deep-dom'
  | 'english-names';

export interface HostilePage {
  name: HostilePageName;
  /** What the issue reported on such a page. */
  attack: string;
  html: string;
  /** 'analysis': the popup shows a result; 'status': it explains why not. */
  outcome: 'analysis' | 'status';
}

/** Every tick of the probe's timer is this far apart when the page is idle. */
export const PROBE_TICK_MS = 20;

/** The issue's limit: the page's timer never waits longer than this while Kontext works. */
export const MAX_GAP_MS = 200;

/** The page timer's gaps over one phase: the largest, and each over 100 ms. */
export interface PhaseGaps {
  maxGap: number;
  long: Array<{ at: number; ms: number }>;
}

/**
 * How a Kontext phase's largest page-timer gap is judged against MAX_GAP_MS on a machine that may be busy.
 * The same page is first watched with Kontext idle (the control phase, measured in the same test): what
 * the machine alone did to the timer there beyond MAX_GAP_MS, its excess, is allowed on top, and nothing
 * else. On a quiet machine the control's largest gap is a tick or two (20–40 ms), its excess 0, and this
 * is the plain 200 ms check.
 */
export function judgeGap(control: number, kontext: number): { allowed: number; excess: number; ok: boolean } {
  const excess = Math.max(0, control - MAX_GAP_MS);
  const allowed = MAX_GAP_MS + excess;
  return { allowed, excess, ok: kontext <= allowed };
}

/**
 * The probe every page runs, in the page's own world. `window.__probe.maxGap` is the largest gap between
 * two timer ticks since the last `reset()`, `window.__probe.long` each gap over 100 ms (when it began); `window.__hostile` collects what the hostile code achieved.
 */
const PROBE = `<script>
window.__hostile = { gotRoot: false, constructed: 0, spoofPrevented: 0, spoofSent: 0 };
window.__probe = { maxGap: 0, last: performance.now(), long: [], reset() { this.maxGap = 0; this.long = []; this.last = performance.now(); } };
(function tick() {
  const now = performance.now();
  const gap = now - window.__probe.last;
  if (gap > window.__probe.maxGap) window.__probe.maxGap = gap;
  if (gap > 100) window.__probe.long.push({ at: window.__probe.last, ms: gap });
  window.__probe.last = now;
  setTimeout(tick, ${PROBE_TICK_MS});
})();
</script>`;

const PEOPLE = ['Angela Merkel', 'Emmanuel Macron', 'Olaf Scholz', 'Ursula von der Leyen'];
const PLACES = ['Berlin', 'Paris', 'Brussels', 'Lisbon'];

/** One English news paragraph, varied by `i`, with names and a direct quote. */
function paragraph(i: number): string {
  const person = PEOPLE[i % PEOPLE.length]!;
  const other = PEOPLE[(i + 1) % PEOPLE.length]!;
  const place = PLACES[i % PLACES.length]!;
  return (
    `${person} met ${other} in ${place} on Tuesday to discuss the budget for the coming year and the ` +
    `reform of the common energy market. "We have agreed on the main points, and the details will follow ` +
    `within weeks," said ${person} after the meeting. Officials in ${place} described the talks as long ` +
    `but constructive, and several ministers are expected to travel there again next month.`
  );
}

function article(paragraphs: string[], lang: string | null = 'en', head = '', tail = ''): string {
  const langAttr = lang ? ` lang="${lang}"` : '';
  return `<!doctype html><html${langAttr}><head><meta charset="utf-8"><title>Budget talks in Berlin</title>${PROBE}${head}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Budget talks in Berlin</h1><p class="byline">By Jane Doe</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main><footer>© Example News</footer>${tail}</body></html>`;
}

const normalArticle = (count = 12) => article(Array.from({ length: count }, (_, i) => paragraph(i)));

/**
 * The start of a normal article, up to the end of its text but without the closing tags: served without
 * ever ending the response, the page is shown and readable but stays 'loading' for good (no
 * DOMContentLoaded, no load), as behind a stalled stream. Not in buildHostilePages: the bench waits for
 * each page's load.
 */
export const neverLoadingPage = () => {
  const html = normalArticle();
  return html.slice(0, html.indexOf('</article>'));
};

/**
 * Defines `kontext-card` (and, through a MutationObserver, any custom-element name Kontext puts on
 * <html>) with a constructor that takes the element's internals and tries to rewrite the card through
 * them; and replaces attachShadow for good measure.
 */
const CARD_TAKEOVER = `<script>
(function () {
  const PHISH = '<a href="https://phish.example/login">Look up on Wikipedia</a>';
  const takeOver = (name) => {
    if (customElements.get(name)) return;
    customElements.define(name, class extends HTMLElement {
      constructor() {
        super();
        window.__hostile.constructed++;
        const internals = this.attachInternals();
        const root = internals.shadowRoot;
        if (root) { window.__hostile.gotRoot = true; root.innerHTML = PHISH; }
      }
    });
  };
  takeOver('kontext-card');
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node.nodeType === 1 && node.localName.includes('-')) {
          try { takeOver(node.localName); } catch (error) { /* a name taken twice */ }
        }
  }).observe(document.documentElement, { childList: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    if (this.localName.startsWith('kontext')) throw new DOMException('blocked by the page', 'NotSupportedError');
    return attach.call(this, init);
  };
})();
</script>`;

/** Sends Alt+Shift+N from page script every 100 ms and counts how often someone obeyed (prevented) it. */
const KEY_SPOOF = `<script>
setInterval(() => {
  const event = new KeyboardEvent('keydown', { code: 'KeyN', key: 'N', altKey: true, shiftKey: true, bubbles: true, cancelable: true });
  window.__hostile.spoofSent++;
  if (!document.body.dispatchEvent(event)) window.__hostile.spoofPrevented++;
}, 100);
</script>`;

/**
 * Builds a chain of `levels` nested divs after load (the HTML parser caps nesting at 512). The chain is
 * hidden: laying out 25k levels would freeze the page by itself, and what is tested is Kontext's cloning.
 */
function deepDom(levels: number): string {
  return `<script>
window.addEventListener('DOMContentLoaded', () => {
  let inner = document.createElement('div');
  inner.textContent = 'bottom';
  for (let i = 1; i < ${levels}; i++) { const outer = document.createElement('div'); outer.appendChild(inner); inner = outer; }
  inner.hidden = true;
  document.body.appendChild(inner);
});
</script>`;
}

/** About `bytes` of article text in paragraphs of ordinary length (the CLI benchmark reads 5 MB). */
export function hugeArticle(bytes: number): string {
  const one = paragraph(0).length + 8;
  return article(Array.from({ length: Math.ceil(bytes / one) }, (_, i) => paragraph(i)));
}

export function buildHostilePages(): HostilePage[] {
  return [
    {
      name: 'card-takeover',
      attack: 'the page defines kontext-card with attachInternals() and replaces attachShadow',
      html: article(
        Array.from({ length: 12 }, (_, i) => paragraph(i)),
        'en',
        CARD_TAKEOVER,
      ),
      outcome: 'analysis',
    },
    {
      name: 'key-spoof',
      attack: 'page script dispatches Alt+Shift+N',
      html: article(
        Array.from({ length: 12 }, (_, i) => paragraph(i)),
        'en',
        '',
        KEY_SPOOF,
      ),
      outcome: 'analysis',
    },
    {
      name: 'highlight-thief',
      attack: 'page script reads and clears CSS.highlights',
      html: normalArticle(),
      outcome: 'analysis',
    },
    {
      name: 'huge-text',
      attack: 'a 10 MB article',
      html: hugeArticle(10_000_000),
      outcome: 'analysis',
    },
    {
      name: 'many-mentions',
      attack: '140k mentions of names',
      html: article(
        Array.from({ length: 2_000 }, () =>
          `${PLACES.join(' and ')} and ${PLACES.join(' and ')}. `.repeat(9),
        ),
      ),
      outcome: 'analysis',
    },
    {
      name: 'pathological-token',
      attack: 'one 300k-character hyphenated token and one dotted one',
      html: article([
        ...Array.from({ length: 8 }, (_, i) => paragraph(i)),
        `${'a-'.repeat(75_000)}a`,
        'a.'.repeat(75_000),
        ...Array.from({ length: 4 }, (_, i) => paragraph(i + 8)),
      ]),
      outcome: 'analysis',
    },
    {
      name: 'deep-dom',
      attack: 'a DOM 25,000 levels deep',
      html: article(
        Array.from({ length: 12 }, (_, i) => paragraph(i)),
        'en',
        deepDom(25_000),
      ),
      outcome: 'status',
    },
    {
      name: 'english-names',
      attack: 'a short English page without lang, mostly Dutch names',
      html: article(
        [
          'The van der Berg family and Jan de Vries met in Amsterdam and Rotterdam with Hendrik van den Broek.',
        ],
        null,
      ),
      outcome: 'status',
    },
  ];
}
