/**
 * The card's styles, scoped to its closed shadow root: `:host { all: initial }` stops inherited page
 * styles at the boundary and the card's own rules cannot reach the page.
 */
const BASE_CSS = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1c1c1e; --muted: #5c5f66; --line: #d9dbe0; --accent: #0b57d0;
  --person: rgb(204 140 0); --place: rgb(0 128 106); --organization: rgb(100 70 220);
  position: fixed; top: 0; left: 0; box-sizing: border-box;
  width: max-content; max-width: min(24rem, calc(100vw - 16px));
  max-height: min(28rem, calc(100vh - 16px)); overflow: auto;
  padding: 12px 14px; border: 1px solid var(--line); border-radius: 10px;
  background: var(--bg); color: var(--fg);
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: start; letter-spacing: normal; word-spacing: normal; white-space: normal;
  animation: kontext-card-in 120ms ease-out;
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
@keyframes kontext-card-in { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
@media (prefers-color-scheme: dark) {
  .card {
    --bg: #1f2125; --fg: #ececef; --muted: #a7abb3; --line: #3a3d44; --accent: #8ab4f8;
    --person: rgb(255 196 0); --place: rgb(0 200 160); --organization: rgb(170 150 255);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.5);
  }
}
header { display: flex; align-items: baseline; gap: 8px; margin: 0 0 6px; }
h2 { margin: 0; font-size: 16px; font-weight: 650; line-height: 1.3; }
.kind { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
.kind.person { color: var(--person); } .kind.place { color: var(--place); } .kind.organization { color: var(--organization); }
.close {
  margin-inline-start: auto; border: 0; background: none; color: var(--muted); font: inherit;
  font-size: 18px; line-height: 1; cursor: pointer; padding: 2px 4px; border-radius: 4px;
}
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.count { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; color: var(--muted); margin: 0 0 8px; }
.next {
  font: inherit; font-size: 13px; color: var(--accent); background: none; cursor: pointer;
  border: 1px solid var(--line); border-radius: 999px; padding: 1px 10px;
}
h3 { margin: 10px 0 4px; font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
blockquote, .first { margin: 0; }
.first { padding-inline-start: 8px; border-inline-start: 3px solid var(--line); }
ul { margin: 0; padding: 0; list-style: none; }
.quotes li { margin: 0 0 6px; padding-inline-start: 8px; border-inline-start: 3px solid var(--accent); }
.quotes li.phrase { border-inline-start-style: dotted; }
.quotes .unclear { margin: 2px 0 0; font-size: 12px; font-style: italic; color: var(--muted); }
.related { display: flex; flex-wrap: wrap; gap: 4px 6px; }
.related li { border: 1px solid var(--line); border-radius: 999px; padding: 0 8px; font-size: 13px; }
.wiki { display: inline-block; margin-top: 10px; color: var(--accent); }
`;

/** The Wikipedia and saved-articles sections (WikipediaSection.tsx, SavedMentionsSection.tsx). */
const EXTRAS_CSS = `
.wiki-card { display: block; margin-top: 0; color: inherit; }
.wiki-body { display: flex; gap: 10px; align-items: flex-start; }
.wiki-body img { flex: none; width: 64px; height: auto; border-radius: 6px; background: var(--line); }
.wiki-description { margin: 0 0 2px; font-weight: 600; }
.wiki-extract { margin: 0; }
.wiki-credit { margin: 6px 0 0; font-size: 12px; color: var(--muted); }
.wiki-card a, .wiki-links a { color: var(--accent); }
.wiki-links { display: grid; gap: 2px; }
.wiki-switch { margin: 8px 0 0; font-size: 12px; color: var(--muted); }
.wiki-switch button {
  display: inline-flex; align-items: center; gap: 6px; border: 0; background: none; padding: 2px 0;
  font: inherit; color: var(--fg); cursor: pointer;
}
.wiki-switch .track {
  width: 26px; height: 14px; border-radius: 999px; background: var(--line); position: relative; flex: none;
}
.wiki-switch .track::after {
  content: ""; position: absolute; top: 2px; left: 2px; width: 10px; height: 10px; border-radius: 50%;
  background: var(--bg); transition: left 120ms;
}
.wiki-switch [aria-checked="true"] .track { background: var(--accent); }
.wiki-switch [aria-checked="true"] .track::after { left: 14px; }
.wiki-switch .hint { display: block; }
.saved-titles li { font-size: 13px; }
.saved-titles li::before { content: "· "; color: var(--muted); }
.saved-mentions .next { margin-top: 4px; }
`;

export const CARD_CSS = BASE_CSS + EXTRAS_CSS;
