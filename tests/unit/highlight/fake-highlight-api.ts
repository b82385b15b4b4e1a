import type { JSDOM } from 'jsdom';

/**
 * A minimal CSS Custom Highlight API for jsdom: Highlight is a Set of ranges, the registry a Map. Its
 * constructor takes ranges like the real one, so code that spreads huge arrays into it fails here too.
 */
export function installHighlightApi(window: JSDOM['window']) {
  class Highlight extends Set<Range> {
    priority = 0;
    constructor(...ranges: Range[]) {
      super(ranges);
    }
  }
  const registry = new Map<string, Highlight>();
  Object.assign(window, { Highlight });
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  return registry;
}
