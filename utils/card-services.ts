/** Binds the hover card's services (components/hover-card/card-services.ts) to background messages. */
import { provideCardServices } from '@/components/hover-card/card-services.ts';
import { CARD_LIMITS, type CardRequest, type CardResponses, checkCardResponse } from '@/lib/messaging.ts';

/** The background's reply, checked: a malformed one rejects with a MessageError, like no answer. */
async function ask<T extends CardRequest>(message: T): Promise<CardResponses[T['type']]> {
  return checkCardResponse<T['type']>(message.type, await browser.runtime.sendMessage(message));
}

/** `pageUrl`: the article being read, which "In N of your saved articles" leaves out. */
export function provideBrowserCardServices(pageUrl: () => string): void {
  provideCardServices({
    wikipedia: ({ name, kind, lang, context }) =>
      ask({
        type: 'kontext:card-wikipedia',
        name: name.slice(0, CARD_LIMITS.name),
        kind,
        lang: lang.slice(0, CARD_LIMITS.lang),
        context: context.slice(0, CARD_LIMITS.context),
      }),
    savedMentions: (name) =>
      ask({
        type: 'kontext:card-saved',
        name: name.slice(0, CARD_LIMITS.name),
        url: pageUrl().slice(0, CARD_LIMITS.url),
      }),
    openWikipediaSwitch: () =>
      void ask({ type: 'kontext:open-list', wikipediaSwitch: true }).catch(() => undefined),
    turnWikipediaOff: async () => {
      await ask({ type: 'kontext:wikipedia-off' });
    },
    openSavedList: (name) =>
      void ask({ type: 'kontext:open-list', entity: name.slice(0, CARD_LIMITS.name) }).catch(() => undefined),
  });
}
