/**
 * What the hover card may ask beyond its model: a Wikipedia summary, the saved articles naming the
 * entity, and two actions. The glue that owns browser.* (the content script, the reader page) provides
 * them once; without them (unit tests, or a context that cannot message the background) the card shows
 * what it shows from the article alone. A module-level provider rather than a prop, so the card's host
 * (mount.ts) needs no change to carry it.
 */
import type { CardWikipediaAnswer, SavedMentions } from '../../lib/messaging.ts';
import type { EntityKind } from '../../lib/types.ts';

export interface CardServices {
  wikipedia(subject: {
    name: string;
    kind: EntityKind;
    lang: string;
    context: string;
  }): Promise<CardWikipediaAnswer>;
  savedMentions(name: string): Promise<SavedMentions>;
  /** Opens Kontext's settings at the Wikipedia switch: only a click in an extension page may ask for the permission. */
  openWikipediaSwitch(): void;
  turnWikipediaOff(): Promise<void>;
  /** Opens the saved list filtered by this name. */
  openSavedList(name: string): void;
}

let provided: CardServices | null = null;

export function provideCardServices(services: CardServices | null): void {
  provided = services;
}

export function cardServices(): CardServices | null {
  return provided;
}
