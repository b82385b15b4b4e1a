/** The switch component's API (components/WikipediaSwitch.tsx) for an extension page. */
import type { WikipediaSwitchApi } from '@/components/WikipediaSwitch.tsx';
import {
  disableWikipedia,
  enableWikipedia,
  type WikipediaSwitchState,
  wikipediaSwitchState,
} from './wikipedia-switch.ts';

export function browserWikipediaSwitch(): WikipediaSwitchApi {
  // Read once on load, so the click can ask for the permission without waiting for anything.
  let state: WikipediaSwitchState | null = null;
  return {
    load: async () => {
      state = await wikipediaSwitchState();
      return state.on;
    },
    enable: () => (state ? enableWikipedia(state) : Promise.resolve(false)),
    disable: async () => {
      if (state) await disableWikipedia(state);
    },
  };
}
