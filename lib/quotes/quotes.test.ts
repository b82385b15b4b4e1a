import { describe, expect, it } from 'vitest';
import { parsePlainArticle, readSeedArticle } from '../../tests/fixtures/news-page.ts';
import { buildArticle, buildEntities } from '../../tests/fixtures/quotes-gold/build.ts';
import { describeWithSharedData } from '../../tests/support/shared-data.ts';
import { findQuotes } from './index.ts';

function quotesOf(paragraphs: string[], lang: string, entities: Parameters<typeof buildEntities>[1] = []) {
  const article = buildArticle(paragraphs, lang);
  return findQuotes(article, buildEntities(article.text, entities));
}

describe('findQuotes typography', () => {
  it.each([
    ['de', 'Er sagte: „Wir kommen morgen.“ Dann ging er.', 'Wir kommen morgen.'],
    ['de', 'Er sagte: »Wir kommen morgen.« Dann ging er.', 'Wir kommen morgen.'],
    ['de', 'Er sagte: «Wir kommen morgen.» Dann ging er.', 'Wir kommen morgen.'],
    // French and Spanish quotes need four words or more (see 'languages without speaker support').
    ['fr', 'Il a dit : « Nous venons tous demain. » Puis il est parti.', 'Nous venons tous demain.'],
    ['es', 'Dijo: «Venimos todos mañana temprano». Luego se fue.', 'Venimos todos mañana temprano'],
    ['en', 'He said: “We come tomorrow.” Then he left.', 'We come tomorrow.'],
    ['en', 'He said: ‘We come tomorrow.’ Then he left.', 'We come tomorrow.'],
    ['en', 'He said: "We come tomorrow." Then he left.', 'We come tomorrow.'],
    ['en', "He said: 'We come tomorrow.' Then he left.", 'We come tomorrow.'],
  ])('%s: %s', (lang, paragraph, expected) => {
    expect(quotesOf([paragraph], lang).map((q) => q.text)).toEqual([expected]);
  });

  it('does not take apostrophes for quotation marks', () => {
    expect(quotesOf(["It's the players' day, and Kim's team won't stop."], 'en')).toEqual([]);
    expect(quotesOf(['Das war’s, sagt’s und geht.'], 'de')).toEqual([]);
  });

  it('keeps a nested quote inside the outer one and lists it on its own too', () => {
    const quotes = quotesOf(['Sie sagte: „Er rief ‚Halt!‘ und rannte weg.“'], 'de');
    expect(quotes.map((q) => q.text)).toEqual(['Er rief ‚Halt!‘ und rannte weg.', 'Halt!']);
  });

  it('joins a quote that each new paragraph reopens, and spans it in the text', () => {
    const article = buildArticle(
      ['Sie sagte: “First part.', '“Second part.', '“Third part.” Then she left.'],
      'en',
    );
    const [quote] = findQuotes(article, []);
    expect(quote?.text).toBe('First part. Second part. Third part.');
    expect(article.text.slice(quote!.start, quote!.end)).toBe('First part.\n\n“Second part.\n\n“Third part.');
  });

  it('ignores a mark left open at the end of a paragraph that the next one does not reopen', () => {
    expect(quotesOf(['Er sagte: „Das ist unvollständig.', 'Neuer Absatz ohne Zeichen.'], 'de')).toEqual([]);
  });

  it('gives offsets of the words inside the marks', () => {
    const article = buildArticle(['Vorab.', 'Er nannte es „großen Unsinn“.'], 'de');
    const [quote] = findQuotes(article, []);
    expect(article.text.slice(quote!.start, quote!.end)).toBe('großen Unsinn');
  });
});

describe('findQuotes speakers', () => {
  const people = [
    { name: 'Olivia Grant', kind: 'person' as const, aliases: ['Grant'] },
    { name: 'Tom Reyes', kind: 'person' as const, aliases: ['Reyes'] },
  ];

  it.each([
    ['"We will win," said Grant.', 'Olivia Grant'],
    ['"We will win," Grant said.', 'Olivia Grant'],
    ['"We will win," Tom Reyes told reporters.', 'Tom Reyes'],
    ['Grant told reporters: "We will win."', 'Olivia Grant'],
    ['According to Reyes, "the deal is done."', 'Tom Reyes'],
    ['Reyes added: "We will win this."', 'Tom Reyes'],
    ['Grant, the team captain, said: "We will win this."', 'Olivia Grant'],
  ])('English pattern %s', (paragraph, speaker) => {
    expect(quotesOf([paragraph], 'en', people)[0]?.speaker).toBe(speaker);
  });

  const leute = [
    { name: 'Olaf Brunner', kind: 'person' as const, aliases: ['Brunner'] },
    { name: 'Eva Haas', kind: 'person' as const, aliases: ['Haas'] },
  ];

  it.each([
    ['„Wir gewinnen“, sagte Brunner.', 'Olaf Brunner'],
    ['„Wir gewinnen“, betonte Eva Haas am Montag.', 'Eva Haas'],
    ['Haas erklärte: „Wir gewinnen das Spiel.“', 'Eva Haas'],
    ['Dazu sagte Brunner: „Wir gewinnen das Spiel.“', 'Olaf Brunner'],
    ['Laut Brunner ist „alles in Ordnung“.', 'Olaf Brunner'],
    ['„Wir gewinnen“, so Haas.', 'Eva Haas'],
    ['Haas zufolge ist die Lage „sehr ernst“.', 'Eva Haas'],
  ])('German pattern %s', (paragraph, speaker) => {
    expect(quotesOf([paragraph], 'de', leute)[0]?.speaker).toBe(speaker);
  });

  it('resolves a pronoun to the person named before it', () => {
    const quotes = quotesOf(['Brunner kam spät.', '„Es tut mir leid“, sagte er.'], 'de', leute);
    expect(quotes[0]).toMatchObject({ speaker: 'Olaf Brunner', speakerEntityId: 'person:olaf brunner' });
  });

  it('resolves a role noun to the person it was used for', () => {
    const quotes = quotesOf(
      [
        'Der Konzernchef Olaf Brunner stellte die Zahlen vor. Eva Haas hörte zu.',
        '„Das Jahr war schwierig“, zitierte die Agentur den Konzernchef.',
      ],
      'de',
      [
        { name: 'Olaf Brunner', kind: 'person' },
        { name: 'Eva Haas', kind: 'person' },
      ],
    );
    expect(quotes[0]?.speaker).toBe('Olaf Brunner');
  });

  it('gives a pull quote the speaker of the quote it repeats', () => {
    const quotes = quotesOf(
      [
        '„Wir werden die Brücke bis zum Sommer fertig bauen“, sagte Brunner am Montag im Rathaus.',
        'Eva Haas von der Opposition bezweifelt das.',
        '„Wir werden die Brücke bis zum Sommer fertig bauen“',
      ],
      'de',
      leute,
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Olaf Brunner', 'Olaf Brunner']);
  });

  it('leaves an anonymous speaker unnamed and an unattributed quote without speaker', () => {
    expect(quotesOf(['„Das ist falsch“, sagte ein Sprecher.'], 'de', leute)[0]?.speaker).toBeNull();
    expect(quotesOf(['Auf dem Schild stand „Betreten verboten“.'], 'de', leute)[0]?.speaker).toBeNull();
  });

  it('takes no speaker from the reported clause after an English verb', () => {
    const quotes = quotesOf(
      ['The report suggested the U.S. might not be the "jobs machine" it thinks it is.'],
      'en',
    );
    expect(quotes[0]).toMatchObject({ text: 'jobs machine', kind: 'phrase', speaker: null });
  });

  it('calls a quoted title a phrase even where it opens the sentence', () => {
    const quotes = quotesOf(['"Super Mario Run" is coming to phones this winter, the company says.'], 'en');
    expect(quotes[0]).toMatchObject({ text: 'Super Mario Run', kind: 'phrase' });
  });

  it('names a speaker not in the entity table as written (English)', () => {
    expect(quotesOf(['"It is over," said Mark Twain.'], 'en', [])[0]).toMatchObject({
      speaker: 'Mark Twain',
      speakerEntityId: null,
    });
  });
});

describeWithSharedData('seed article quotes', () => {
  // A skipped describe still runs its body to collect the tests: an empty article stands in then.
  const seed = readSeedArticle() ?? parsePlainArticle('');
  const article = buildArticle(
    seed.blocks.map((b) => b.text),
    'de',
  );
  // Entities as the recogniser names them; "Kim" is an alias, "Machthaber" is not.
  const entities = buildEntities(article.text, [
    { name: 'Kim Jong Un', kind: 'person', aliases: ['Kim'] },
    { name: 'KCNA', kind: 'organization' },
    { name: 'Nordkorea', kind: 'place', aliases: ['Nordkoreas'] },
    { name: 'Pjöngjang', kind: 'place' },
    { name: 'Moskau', kind: 'place' },
    { name: 'Russland', kind: 'place', aliases: ['Russlands'] },
    { name: 'Ukraine', kind: 'place' },
  ]);
  const quotes = findQuotes(article, entities);

  it('finds the five quotes: four phrases and one speech', () => {
    expect(quotes.map((q) => [q.text.slice(0, 22), q.kind])).toEqual([
      ['fremden Erde', 'phrase'],
      ['heldenhaften Einsatz', 'phrase'],
      ['externe Einsatzkräfte', 'phrase'],
      ['Während das ganze Land', 'speech'],
      ['unbesiegbaren Allianz', 'phrase'],
    ]);
  });

  it('attributes the long quote ("zitierte KCNA den Machthaber") to Kim Jong Un', () => {
    const speech = quotes.find((q) => q.kind === 'speech')!;
    expect(speech.speaker).toBe('Kim Jong Un');
    expect(speech.speakerEntityId).toBe('person:kim jong un');
    expect(article.text.slice(speech.start, speech.end)).toBe(speech.text);
  });

  it('resolves "den Machthaber" through the role even when only the full name is a mention', () => {
    const fullNameOnly = buildEntities(article.text, [
      { name: 'Kim Jong Un', kind: 'person' },
      { name: 'KCNA', kind: 'organization' },
    ]);
    const speech = findQuotes(article, fullNameOnly).find((q) => q.kind === 'speech');
    expect(speech?.speaker).toBe('Kim Jong Un');
  });

  it('attributes phrases only where the speaker is plain', () => {
    expect(quotes.map((q) => q.speaker)).toEqual([null, 'Kim Jong Un', null, 'Kim Jong Un', 'Kim Jong Un']);
  });
});

describe('findQuotes in languages without speaker support (only unambiguous quotes)', () => {
  const texts = (paragraphs: string[], lang: string) => quotesOf(paragraphs, lang).map((q) => q.text);

  it('lists no single scare-quoted Russian words, and keeps the speech', () => {
    const paragraph =
      'Критики называют проект «модным» и «дорогим», а жители спорят о «стекле». ' +
      '«Мы хотели, чтобы музей стал местом встречи», — сказала директор.';
    expect(texts([paragraph], 'ru')).toEqual(['Мы хотели, чтобы музей стал местом встречи']);
  });

  it('lists no names or titles in quotation marks (three words or fewer)', () => {
    expect(texts(['Компания «Татнефть» и партия «Единая Россия» подписали договор.'], 'ru')).toEqual([]);
    expect(texts(['Lo ha detto al quotidiano «La Nazione» ieri sera.'], 'it')).toEqual([]);
  });

  it('keeps four words in paired marks, and counts two Chinese characters as a word', () => {
    expect(texts(['Ha detto: «Abbiamo ascoltato tutti quanti».'], 'it')).toEqual([
      'Abbiamo ascoltato tutti quanti',
    ]);
    // 社区书房 is four characters, two words: a buzzword, not a quote.
    expect(texts(['他们说“社区书房”很好。馆长说：“我们希望这里成为读书的地方。”'], 'zh')).toEqual([
      '我们希望这里成为读书的地方。',
    ]);
  });

  it('reads Chinese and Japanese corner brackets straight after a letter', () => {
    expect(texts(['设计师王强回应说：「我们考虑了读者的需要，而不是拍照的角度。」'], 'zh')).toEqual([
      '我们考虑了读者的需要，而不是拍照的角度。',
    ]);
  });

  it('leaves out single marks, which also stand for apostrophes and scare quotes', () => {
    expect(texts(["Il sindaco ha detto 'siamo molto contenti di questo ponte' ieri."], 'it')).toEqual([]);
    expect(texts(['Il sindaco ha parlato di ‹un ponte per tutti i cittadini› ieri.'], 'it')).toEqual([]);
    expect(texts(['Il sindaco ha detto ‘siamo molto contenti di questo ponte’ ieri.'], 'it')).toEqual([]);
  });

  it('keeps straight double quotes around several words, as many sites type every quote', () => {
    const paragraph = 'Podle trenéra jde o "velký úspěch". "Stali se excelentním týmem," řekl trenér.';
    expect(texts([paragraph], 'cs')).toEqual(['Stali se excelentním týmem,']);
  });

  it('never names a speaker there, even a name standing before a colon', () => {
    const quotes = quotesOf(['Giulia Rinaldi: «Oggi restituiamo alla città un ponte».'], 'it', [
      { name: 'Giulia Rinaldi', kind: 'person' },
    ]);
    expect(quotes.map((q) => [q.text, q.speaker, q.speakerEntityId])).toEqual([
      ['Oggi restituiamo alla città un ponte', null, null],
    ]);
  });

  it('keeps every quote, scare quotes too, in German and English', () => {
    expect(texts(['Er nannte das Projekt „modern“.'], 'de')).toEqual(['modern']);
    expect(texts(['He called it "modern" and said \'fine\'.'], 'en')).toEqual(['modern', 'fine']);
  });
});
