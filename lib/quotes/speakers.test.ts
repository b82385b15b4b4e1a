/**
 * Issue 15: one test per attribution pattern class the issue lists, on findQuotes with a hand-made
 * entity table (the recogniser's job is tested elsewhere).
 */
import { describe, expect, it } from 'vitest';
import type { GoldEntity } from '../../tests/fixtures/quotes-gold/articles.ts';
import { buildArticle, buildEntities } from '../../tests/fixtures/quotes-gold/build.ts';
import { compatible, genderOfFirstName, genderOfPronoun, genderOfWord } from './gender.ts';
import { findQuotes } from './index.ts';

const person = (name: string, ...aliases: string[]): GoldEntity => ({ name, kind: 'person', aliases });
const org = (name: string): GoldEntity => ({ name, kind: 'organization' });
const place = (name: string): GoldEntity => ({ name, kind: 'place' });

function speakers(paragraphs: string[], lang: 'de' | 'en', entities: GoldEntity[]) {
  const article = buildArticle(paragraphs, lang);
  return findQuotes(article, buildEntities(article.text, entities)).map((q) =>
    q.speakerUnclear ? 'unclear' : q.speaker,
  );
}

describe('"X said" with material between', () => {
  it('„rät“ and "advises" introduce speech like „sagte“', () => {
    expect(
      speakers(
        ['Andrea Nahles kam.', '„Trinken Sie genug“, rät die Hausärztin Martina Berg aus Mannheim.'],
        'de',
        [person('Andrea Nahles'), person('Martina Berg')],
      ),
    ).toEqual(['Martina Berg']);
  });

  it('"…," Pakistan-based developer Ammar Askar wrote: a place-based modifier before the subject', () => {
    expect(
      speakers(['“I thought a lot before writing this,” Pakistan-based developer Ammar Askar wrote.'], 'en', [
        place('Pakistan'),
        person('Ammar Askar'),
      ]),
    ).toEqual(['Ammar Askar']);
  });

  it.each([
    ['“It works,” Smith said.', 'John Smith'],
    [
      'Mark Ellison, who serves as the mission’s project manager at the laboratory, said: “It is a two-day job.”',
      'Mark Ellison',
    ],
    [
      'Jane Doe, deputy administrator of the agency’s science directorate, said: “We would rather wait.”',
      'Jane Doe',
    ],
    ['“We let him down,” Smith told the BBC.', 'John Smith'],
    ['“The market is strong,” Smith testified.', 'John Smith'],
    ['“Our deterrent is ready,” Smith was quoted as saying.', 'John Smith'],
    ['“It matters,” said Jane Doe’s successor as director, Mark Ellison.', 'Mark Ellison'],
  ])('%s', (paragraph, speaker) => {
    expect(
      speakers(['John Smith and Jane Doe and Mark Ellison met.', paragraph], 'en', [
        person('John Smith', 'Smith'),
        person('Jane Doe'),
        person('Mark Ellison'),
      ])[0],
    ).toBe(speaker);
  });

  it('gives both halves of a quote split by its attribution the speaker', () => {
    expect(
      speakers(
        ['„Ich nehme die Sorgen ernst“, sagte Özdemir, „aber nicht jede Forderung ist bezahlbar.“'],
        'de',
        [person('Cem Özdemir', 'Özdemir')],
      ),
    ).toEqual(['Cem Özdemir', 'Cem Özdemir']);
  });
});

describe('apposition heads: the person in the apposition speaks', () => {
  it.each([
    [
      'de',
      'Der Bürgermeister von München, Dieter Reiter, sagte: „Wir bauen.“',
      'Dieter Reiter',
      place('München'),
    ],
    [
      'de',
      'Der Chef von Volkswagen, Oliver Blume, erklärte: „Wir halten Kurs.“',
      'Oliver Blume',
      org('Volkswagen'),
    ],
    [
      'en',
      'The head of the Bank of England, Andrew Bailey, said: “Rates stay.”',
      'Andrew Bailey',
      org('Bank of England'),
    ],
  ] as const)('%s: %s', (lang, paragraph, speaker, other) => {
    expect(speakers([paragraph], lang, [person(speaker), other])).toEqual([speaker]);
  });
});

describe('role nouns resolve to the person introduced with the role', () => {
  it('a surname alone the recogniser did not link still counts as the nearest person („Lewe versprach …“)', () => {
    expect(
      speakers(
        [
          'Oberbürgermeister Markus Lewe freute sich. Händler Bernd Kottmann war dagegen.',
          'Lewe versprach Hilfe. „Niemand wird abgehängt“, sagte der CDU-Politiker.',
        ],
        'de',
        [person('Markus Lewe'), person('Bernd Kottmann')],
      ),
    ).toEqual(['Markus Lewe']);
  });

  it('a description nobody was introduced with guesses the subject of the sentence before, not its object', () => {
    expect(
      speakers(
        [
          'Alexander Zverev hat das Finale gegen den Norweger Casper Ruud verloren. „Ich habe zu viele Fehler gemacht“, sagte der Olympiasieger.',
        ],
        'de',
        [person('Alexander Zverev'), person('Casper Ruud')],
      ),
    ).toEqual(['Alexander Zverev']);
  });

  it('"said the actor" is the actor, not the host named just before', () => {
    expect(
      speakers(
        [
          'The actor John Miller visited Ellen Carter’s show.',
          'Carter asked about the stunts. “I did it myself,” said the actor.',
        ],
        'en',
        [person('John Miller', 'Miller'), person('Ellen Carter', 'Carter')],
      ),
    ).toEqual(['John Miller']);
  });

  it('„sagte die Landrätin“ is the Landrätin, not the previous speaker', () => {
    expect(
      speakers(
        [
          'Landrätin Petra Sommer kam mit Innenminister Joachim Herrmann.',
          '„Niemand bleibt allein“, sagte Herrmann.',
          '„Die Feuerwehren waren großartig“, lobte die Landrätin.',
        ],
        'de',
        [person('Petra Sommer'), person('Joachim Herrmann', 'Herrmann')],
      ),
    ).toEqual(['Joachim Herrmann', 'Petra Sommer']);
  });

  it('a role introduced only after the quote does not name its speaker', () => {
    const found = speakers(
      ['„Das war ein Fehler“, sagte der Anwalt.', 'Später sprach Staatsanwalt Jens Förster.'],
      'de',
      [person('Jens Förster')],
    );
    expect(found[0]).not.toBe('Jens Förster');
  });
});

describe('ages: the person introduced with that age, never just the nearest name', () => {
  it('„der 67-Jährige“ is the man introduced as 67', () => {
    expect(
      speakers(
        [
          'Alois Gruber, 67, verlor seine Ernte. Nachbar Peter Huber half ihm.',
          '„Das Wasser stand hoch“, sagte der 67-Jährige.',
        ],
        'de',
        [person('Alois Gruber'), person('Peter Huber')],
      ),
    ).toEqual(['Alois Gruber']);
  });

  it('"the 54-year-old" with nobody introduced as 54 is unclear, not the nearest name', () => {
    expect(
      speakers(['Linda Park watched the smoke.', '“It is all I know,” the 54-year-old said.'], 'en', [
        person('Linda Park'),
      ]),
    ).toEqual(['unclear']);
  });

  it('"the 54-year-old" is the one introduced as 54', () => {
    expect(
      speakers(
        ['Welder Steve Marshall, 54, and Linda Park watched.', '“It is all I know,” the 54-year-old said.'],
        'en',
        [person('Linda Park'), person('Steve Marshall')],
      ),
    ).toEqual(['Steve Marshall']);
  });
});

describe('pronouns: the most recent person of the right gender', () => {
  it.each([
    [
      'en',
      [
        'Ellen Carter interviewed John Miller.',
        '“That sounds miserable,” Carter said.',
        '“It was wonderful,” he said.',
      ],
      'John Miller',
    ],
    [
      'de',
      [
        'Petra Sommer traf Thomas Brandt.',
        '„Das reicht nicht“, sagte Brandt.',
        '„Wir machen weiter“, sagte sie.',
      ],
      'Petra Sommer',
    ],
  ] as const)('%s', (lang, paragraphs, speaker) => {
    const found = speakers([...paragraphs], lang, [
      person('Ellen Carter', 'Carter'),
      person('John Miller', 'Miller'),
      person('Petra Sommer', 'Sommer'),
      person('Thomas Brandt', 'Brandt'),
    ]);
    expect(found[found.length - 1]).toBe(speaker);
  });

  it('knows gender from first names, words next to names, pronouns and German articles', () => {
    expect([genderOfFirstName('Anna'), genderOfFirstName('Thomas'), genderOfFirstName('Xyz')]).toEqual([
      'f',
      'm',
      null,
    ]);
    expect([
      genderOfWord('Frau'),
      genderOfWord('Mr.'),
      genderOfWord('Landrätin', true),
      genderOfWord('Trainer', true),
    ]).toEqual(['f', 'm', 'f', 'm']);
    expect([genderOfPronoun('er'), genderOfPronoun('she'), genderOfPronoun('it')]).toEqual(['m', 'f', null]);
    expect([compatible('f', null), compatible('f', 'm')]).toEqual([true, false]);
  });
});

describe('speaker in the next sentence', () => {
  it('«…» Das sagte Konzernchefin Anna Keller.', () => {
    expect(
      speakers(['»Wir müssen die Kosten senken.« Das sagte Konzernchefin Anna Keller am Donnerstag.'], 'de', [
        person('Anna Keller'),
      ]),
    ).toEqual(['Anna Keller']);
  });

  it('a quote opening its sentence after "X antwortete ausweichend." is X’s', () => {
    expect(
      speakers(
        [
          '„Kein Standort schließt“, sagte Cavallo.',
          'Blume antwortete ausweichend. „Wir führen gute Gespräche.“',
        ],
        'de',
        [person('Daniela Cavallo', 'Cavallo'), person('Oliver Blume', 'Blume')],
      ),
    ).toEqual(['Daniela Cavallo', 'Oliver Blume']);
  });
});

describe('organisations as speakers', () => {
  it('„teilte der Verein mit“, „sagte der Verein“: the organisation the story is about', () => {
    expect(
      speakers(
        [
          'Der FC Köln hat sich von Trainer Steffen Baumgart getrennt.',
          'Der Verein teilte mit: „Wir geben keine Auskunft.“',
          '„Wir sind froh“, sagte der Verein.',
        ],
        'de',
        [org('FC Köln'), person('Steffen Baumgart')],
      ),
    ).toEqual(['FC Köln', 'FC Köln']);
  });

  it.each([
    [
      'en',
      'Leeds United sacked its manager. The club said in a statement: “We thank him for his work.”',
      'Leeds United',
    ],
    [
      'de',
      'Die Stadtwerke Bielefeld erhöhen die Preise. In einer Stellungnahme der Stadtwerke Bielefeld heißt es: „Wir müssen die Kosten weitergeben.“',
      'Stadtwerke Bielefeld',
    ],
    [
      'de',
      'Volkswagen baut um. In einer Stellungnahme des Konzerns heißt es: „Wir stehen zu allen Standorten.“',
      'Volkswagen',
    ],
  ] as const)('%s: %s', (lang, paragraph, speaker) => {
    expect(
      speakers([paragraph], lang, [org('Leeds United'), org('Stadtwerke Bielefeld'), org('Volkswagen')]),
    ).toEqual([speaker]);
  });
  it('"the museum said in a statement" names the museum the article named, even untagged', () => {
    expect(
      speakers(
        [
          'The British Museum will return the objects to Ghana.',
          'The museum said in a statement: “Ownership remains with the trustees.”',
        ],
        'en',
        [place('Ghana')],
      ),
    ).toEqual(['British Museum']);
  });

  it('„der Zoo teilte mit“ with no zoo named before stays without a speaker', () => {
    expect(
      speakers(
        ['Ein Eisbär ist geboren. In einer Mitteilung des Zoos heißt es: „Beide sind wohlauf.“'],
        'de',
        [],
      ),
    ).toEqual([null]);
  });
});

describe('anonymous speakers and continuation', () => {
  it('„Ihr Chef habe gesagt: …“ names nobody, so it does not go on with the previous speaker', () => {
    expect(
      speakers(
        ['„Ich komme zu spät“, sagt Julia Hartwig. Ihr Chef habe gesagt: „Dann nimm halt Urlaub.“'],
        'de',
        [person('Julia Hartwig')],
      ),
    ).toEqual(['Julia Hartwig', null]);
  });

  it('„„A“, sagte der Österreicher. „B““: B goes on with A’s speaker, as sure as A', () => {
    expect(
      speakers(
        [
          'Kapitän Florian Kainz zeigte sich betroffen. „Wir tragen eine Mitschuld“, sagte der Österreicher. „Der Trainer hat uns immer gestärkt.“',
        ],
        'de',
        [person('Florian Kainz')],
      ),
    ).toEqual(['Florian Kainz', 'Florian Kainz']);
  });

  it('"sagte ein Polizeisprecher" is nobody named, not the previous speaker', () => {
    expect(
      speakers(
        [
          '„Die Halle brannte“, sagte Uwe Klaßen.',
          'Die Polizei ermittelt. „Wir schließen nichts aus“, sagte ein Polizeisprecher.',
        ],
        'de',
        [person('Uwe Klaßen')],
      ),
    ).toEqual(['Uwe Klaßen', null]);
  });

  it('a quote over several paragraphs keeps its speaker', () => {
    expect(
      speakers(
        [
          '„Wir können so nicht arbeiten“, sagt Lena Hoffmann.',
          '„Auf meiner Station fehlen zwei Kolleginnen.',
          '„Irgendwann passiert ein Fehler.“',
        ],
        'de',
        [person('Lena Hoffmann')],
      ),
    ).toEqual(['Lena Hoffmann', 'Lena Hoffmann']);
  });
});

describe('speaker names are the canonical full person', () => {
  it('a one-word entry that is part of one fuller name is that person („König“ → Lars König)', () => {
    expect(
      speakers(['Bürgermeister Lars König sprach.', '„Wir zahlen nicht“, sagte König.'], 'de', [
        person('Lars König'),
        person('König'),
      ]),
    ).toEqual(['Lars König']);
  });

  it('a surname that is also a role word names the person („sagte König am Montag“)', () => {
    expect(
      speakers(['Bürgermeister Lars König sprach.', '„Wir zahlen nicht“, sagte König am Montag.'], 'de', [
        person('Lars König'),
      ]),
    ).toEqual(['Lars König']);
  });

  it('an entry the recogniser cut short („Andrea“ of „Andreas Friedrich“) gives the name as written', () => {
    expect(
      speakers(['„Wir rechnen mit 36 Grad“, sagte DWD-Sprecher Andreas Friedrich.'], 'de', [
        person('Andrea', 'Andreas'),
      ]),
    ).toEqual(['Andreas Friedrich']);
  });

  it('a full entry inside a longer written phrase stays the entry („Investor Hendrik Brandis“)', () => {
    expect(
      speakers(['„Sie liefern“, sagte Investor Hendrik Brandis.'], 'de', [person('Hendrik Brandis')]),
    ).toEqual(['Hendrik Brandis']);
  });

  it.each([
    [
      'de',
      'Investor Hendrik Brandis von Earlybird sagte: „Sie liefern.“',
      'Hendrik Brandis von Earlybird',
      'Hendrik Brandis',
    ],
    ['en', 'Councilwoman Rosa Jimenez said: “We vote no.”', 'Councilwoman Rosa Jimenez', 'Rosa Jimenez'],
    [
      'de',
      '„Europa muss handeln“, sagte Ursula von der Leyen.',
      'Ursula von der Leyen',
      'Ursula von der Leyen',
    ],
    [
      'de',
      '„Wir bleiben“, sagte Richard von Weizsäcker.',
      'Richard von Weizsäcker',
      'Richard von Weizsäcker',
    ],
  ] as const)(
    '%s: an entry drawn too wide names the person without role or affiliation: %s',
    (lang, text, entry, name) => {
      expect(speakers([text], lang, [person(entry)])).toEqual([name]);
    },
  );

  it.each([
    [
      'a club keeps the number the recogniser left off its entry („der 1. FC Köln“)',
      'de',
      ['Der 1. FC Köln trennt sich vom Trainer. „Dazu sagen wir nichts“, teilte der Verein mit.'],
      [org('FC Köln')],
      '1. FC Köln',
    ],
    [
      'a person keeps the first name before an initial that the entry left off ("Sharon D. Clarke")',
      'en',
      ['Co-star Sharon D. Clarke plays Linda.', '“We hold each other up,” Clarke said.'],
      [person('D. Clarke', 'Clarke'), person('Linda')],
      'Sharon D. Clarke',
    ],
    [
      'a name tagged as a place but introduced after a role word is a person ("Senator Elizabeth Warren")',
      'en',
      ['Senator Elizabeth Warren pressed him. “Will you act?” Warren asked.'],
      [place('Elizabeth'), place('Warren')],
      'Elizabeth Warren',
    ],
    [
      'a surname names the person whose entry was tagged as an organisation with an affiliation tail',
      'en',
      ['Sutume Kebede of Ethiopia came second. “She was too strong today,” Kebede said.'],
      [org('Sutume Kebede of Ethiopia'), person('Kebede')],
      'Sutume Kebede',
    ],
  ] as const)('%s', (_, lang, paragraphs, entities, name) => {
    expect(speakers([...paragraphs], lang, [...entities])).toEqual([name]);
  });
});

describe('quotes inside quotes are quotes of their own', () => {
  it('"He told me, ‘Call me back tomorrow,’ and hung up," she said', () => {
    const article = buildArticle(
      [
        'Sarah Whitfield rang her landlord, Kevin Doyle.',
        '“He told me, ‘Call me back tomorrow,’ and hung up,” she said.',
      ],
      'en',
    );
    const quotes = findQuotes(
      article,
      buildEntities(article.text, [person('Sarah Whitfield'), person('Kevin Doyle')]),
    );
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['He told me, ‘Call me back tomorrow,’ and hung up,', 'Sarah Whitfield'],
      ['Call me back tomorrow,', 'Kevin Doyle'],
    ]);
  });

  it.each([
    ['„Mein Partner sagte: ‚Du schaffst das‘, und ich glaubte ihm nicht“, erzählte Maria Furtwängler.', null],
    [
      '„Die Ministerin hat selbst gesagt: ›Die Reform kommt zu spät.‹ Jetzt sucht sie Schuldige“, sagte Brandt.',
      'Petra Albrecht',
    ],
  ])('%s', (paragraph, inner) => {
    const found = speakers(['Gesundheitsministerin Petra Albrecht warnte.', paragraph], 'de', [
      person('Maria Furtwängler'),
      person('Petra Albrecht'),
      person('Ulrich Brandt', 'Brandt'),
    ]);
    expect(found[1]).toBe(inner);
  });
});

describe('confidence', () => {
  it('names nobody for a description no person before fits („die Ministerin“ after only a man)', () => {
    const found = speakers(['Karl Weber kam.', '„Das ist gut“, sagte die Ministerin.'], 'de', [
      person('Karl Weber'),
    ]);
    expect(found).toEqual([null]);
  });

  it('marks a speaker tagged as a place (places rarely speak) as unclear', () => {
    expect(speakers(['“Are you serious?” Warren asked.'], 'en', [place('Warren')])).toEqual(['unclear']);
  });

  it('an unclear quote keeps the entity it pointed to, for that entity’s hover card only', () => {
    const article = buildArticle(['“Are you serious?” Warren asked.', '“Yes,” Smith said.'], 'en');
    const entities = buildEntities(article.text, [place('Warren'), person('John Smith', 'Smith')]);
    const [unsure, sure] = findQuotes(article, entities);
    const warren = entities.find((e) => e.name === 'Warren')!;
    expect(unsure).toMatchObject({ speaker: null, speakerEntityId: null, speakerUnclear: true });
    expect(unsure!.speakerCandidateId).toBe(warren.id);
    expect(sure!.speakerUnclear).toBeUndefined();
    expect(sure!.speakerCandidateId).toBeUndefined();
  });
});

/** Classes found on the second round of English articles (tune part of the speaker gold set). */
describe('English: split quotes, short speech, appositions after the verb', () => {
  it('"…," he said, "…": the English split (comma inside the first half) is one speaker’s speech', () => {
    const article = buildArticle(
      ['Ray Delgado drove home.', '“The second time,” he said, “a truck missed me by about a foot.”'],
      'en',
    );
    const found = findQuotes(article, buildEntities(article.text, [person('Ray Delgado')]));
    expect(found.map((q) => [q.kind, q.speaker])).toEqual([
      ['speech', 'Ray Delgado'],
      ['speech', 'Ray Delgado'],
    ]);
  });

  it.each([
    ['“Sleep,” she said.', 'a word with a comma before "she said"'],
    ['“Which services?” Alden asked. “Name one.”', 'a two-word sentence closed inside its marks'],
  ])('%s is speech (%s)', (paragraph) => {
    const article = buildArticle(['Lena Varga and Robert Alden met.', paragraph], 'en');
    const found = findQuotes(
      article,
      buildEntities(article.text, [person('Lena Varga'), person('Robert Alden')]),
    );
    expect(found.every((q) => q.kind === 'speech')).toBe(true);
  });

  it('a title in marks before a comma and no attribution stays a phrase', () => {
    const article = buildArticle(['His new film, “The Long Road Home,” opens on Friday.'], 'en');
    expect(findQuotes(article, []).map((q) => q.kind)).toEqual(['phrase']);
  });

  it('"said its planning director, Mark Tilley": the name in apposition to the role', () => {
    expect(
      speakers(
        [
          '"We are not against housing," said campaigner Ruth Akroyd. The developer disagreed: “The site has been fully assessed,” said its planning director, Mark Tilley.',
        ],
        'en',
        [person('Ruth Akroyd'), person('Mark Tilley')],
      ),
    ).toEqual(['Ruth Akroyd', 'Mark Tilley']);
  });

  it('"…” in that law, Azzouz said: the attribution after words that run on outside the marks', () => {
    expect(
      speakers(
        [
          'Lotfi Azzouz leads the group.',
          '“We must pay attention to what is written” in that law, Azzouz said.',
        ],
        'en',
        [person('Lotfi Azzouz', 'Azzouz')],
      ),
    ).toEqual(['Lotfi Azzouz']);
  });
});

describe('English: descriptions and references', () => {
  it('"Councillor Sharon Thompson": a British title is left out of the name', () => {
    expect(
      speakers(['Councillor Sharon Thompson said: “We protected the services.”'], 'en', [
        person('Councillor Sharon Thompson'),
      ]),
    ).toEqual(['Sharon Thompson']);
  });

  it('"the Dane said" is the person the sentence before is about, never a speaker called "Dane"', () => {
    expect(
      speakers(
        [
          'Lena Varga beat Chloe Andersen in the final.',
          'Andersen, 29, was gracious in defeat. “She was the better player today,” the Dane said.',
        ],
        'en',
        [person('Lena Varga'), person('Chloe Andersen', 'Andersen')],
      ),
    ).toEqual(['Chloe Andersen']);
  });

  it('"he said" after "X said the girls, A and B, were well" is X, the subject, not a name X reported', () => {
    expect(
      speakers(
        [
          'Lead surgeon Owase Jeelani said the girls, Amara and Nia, were recovering well. “This was our most complex case,” he said.',
        ],
        'en',
        [person('Owase Jeelani'), person('Amara'), person('Nia')],
      ),
    ).toEqual(['Owase Jeelani']);
  });

  it('a pronoun still takes the nearest name whose gender is known to fit over an unknown subject', () => {
    expect(
      speakers(['Owase Jeelani met Mary Smith. “We were lucky,” she said.'], 'en', [
        person('Owase Jeelani'),
        person('Mary Smith'),
      ]),
    ).toEqual(['Mary Smith']);
  });

  it('a surname two people share is the one named in full last before, whatever the entry says', () => {
    expect(
      speakers(
        [
          'Whale expert Hori Parata was seven at his first stranding.',
          '“Greed is hurting the whales,” says Parata.',
          'His son, Te Kaurinui Robert Parata, carves. “We need to listen,” says Parata.',
        ],
        'en',
        [person('Te Kaurinui Robert Parata', 'Parata'), person('Hori Parata')],
      ),
    ).toEqual(['Hori Parata', 'Te Kaurinui Robert Parata']);
  });
});

describe('English: continuation across asides', () => {
  const entities = [person('Hori Parata', 'Parata')];
  it('an unattributed quote paragraph after a caption or link line goes on with the speaker before', () => {
    expect(
      speakers(
        [
          '“Greed is hurting the whales,” says Parata.',
          'Hori Parata at his farm, the place where he was born',
          '“We feel that is ridiculous.”',
        ],
        'en',
        entities,
      ),
    ).toEqual(['Hori Parata', 'Hori Parata']);
  });

  it('but not after a paragraph of the reporter’s narrative', () => {
    expect(
      speakers(
        [
          '“Greed is hurting the whales,” says Parata.',
          'Whales strand for many reasons.',
          '“We feel that is ridiculous.”',
        ],
        'en',
        entities,
      ),
    ).toEqual(['Hori Parata', null]);
  });
});

describe('English: introductions without a colon or a speech verb', () => {
  it.each([
    ['he said “every leader has strengths and weaknesses”.', 'a speech verb right before the marks'],
    ['According to Barack Obama, president, “the numbers are going the right way”.', '"according to X,"'],
  ])('%s is speech (%s)', (paragraph) => {
    const article = buildArticle(['Barack Obama spoke.', paragraph], 'en');
    const found = findQuotes(article, buildEntities(article.text, [person('Barack Obama', 'Obama')]));
    expect(found.map((q) => [q.kind, q.speaker])).toEqual([['speech', 'Barack Obama']]);
  });

  it('"described as “unprecedented”" stays a phrase', () => {
    const article = buildArticle(['The stranding was described as “unprecedented” by locals.'], 'en');
    expect(findQuotes(article, []).map((q) => q.kind)).toEqual(['phrase']);
  });

  it('"His sister, Claire Reilly, read it outside:" closing the paragraph before introduces the quote', () => {
    expect(
      speakers(
        [
          'Tom Reilly has been missing for a week.',
          'His sister, Claire Reilly, read it outside the police station:',
          '“Please, if you know anything at all, call the police.”',
        ],
        'en',
        [person('Tom Reilly'), person('Claire Reilly')],
      ),
    ).toEqual(['Claire Reilly']);
  });
});

describe('English: titles, gestures and paragraph openings', () => {
  it.each([
    ['“She is deeply ashamed,” Mr Moss said.', [org('Mr Moss')], 'Andrew Moss'],
    [
      'Detective Sergeant Kay Fielding said: “This was a cruel crime.”',
      [org('Detective Sergeant Kay Fielding')],
      'Kay Fielding',
    ],
  ])(
    'an entry tagged as an organisation that is a title before a name is a person: %s',
    (paragraph, tagged, name) => {
      expect(
        speakers(['Andrew Moss defended her.', paragraph], 'en', [person('Andrew Moss'), ...tagged]),
      ).toEqual([name]);
    },
  );

  it('a title opening an institution’s name does not make it a person ("Queen Mary University")', () => {
    expect(
      speakers(['“We are proud,” Queen Mary University said.'], 'en', [org('Queen Mary University')]),
    ).toEqual(['Queen Mary University']);
  });

  it.each([
    [
      '"Asked whether it was over, Arteta smiled. “Ask me in May.”": the smiling person speaks',
      'Asked whether the title race was over, Arteta smiled. “Ask me in May.”',
      'Mikel Arteta',
    ],
    [
      'a quote after narrative in its paragraph does not go on with the last paragraph’s speaker',
      'The season has ten games left for both clubs. “Ask me in May.”',
      null,
    ],
  ])('%s', (_, paragraph, speaker) => {
    expect(
      speakers(
        [
          'Mikel Arteta and Nick Pope spoke after the game.',
          '“The lads did the hard work,” Pope said.',
          paragraph,
        ],
        'en',
        [person('Mikel Arteta', 'Arteta'), person('Nick Pope', 'Pope')],
      ),
    ).toEqual(['Nick Pope', speaker]);
  });
});

describe('English: interview turns', () => {
  const entities = [person('John Mitchinson', 'Mitchinson'), person('Cormac Hale', 'Hale')];
  it('an unattributed paragraph after a question in a back-and-forth is the other person’s answer', () => {
    expect(
      speakers(
        [
          '“Mostly failing,” Hale replied.',
          'Mitchinson pressed him: “Do you regret that?”',
          '“Not for a second. They were bad books.”',
        ],
        'en',
        entities,
      ),
    ).toEqual(['Cormac Hale', 'John Mitchinson', 'Cormac Hale']);
  });

  it('but goes on with the asker when nobody else spoke just before the question', () => {
    expect(
      speakers(
        ['“We tried everything,” Hale said. “What else could we do?” he asked.', '“We could only wait.”'],
        'en',
        entities,
      ),
    ).toEqual(['Cormac Hale', 'Cormac Hale', 'Cormac Hale']);
  });
});

describe('German patterns of the second round of written articles', () => {
  function quotesOf(paragraphs: string[], entities: GoldEntity[]) {
    const article = buildArticle(paragraphs, 'de');
    return findQuotes(article, buildEntities(article.text, entities)).map((q) => [
      q.text,
      q.kind,
      q.speakerUnclear ? 'unclear' : q.speaker,
    ]);
  }

  it('„Diesmal nicht“, sagt er: a short quote that is its own sentence before an attribution is speech', () => {
    expect(
      quotesOf(
        ['Uwe Kersten lachte.', '„Diesmal nicht“, sagt er und grinst. „Auf keinen Fall“, sagte Kersten.'],
        [person('Uwe Kersten', 'Kersten')],
      ),
    ).toEqual([
      ['Diesmal nicht', 'speech', 'Uwe Kersten'],
      ['Auf keinen Fall', 'speech', 'Uwe Kersten'],
    ]);
    // Embedded in the reporter's sentence it stays a phrase, attribution or not.
    expect(
      quotesOf(['Das sei „völlig überzogen“, sagte Kersten.'], [person('Uwe Kersten', 'Kersten')])[0]![1],
    ).toBe('phrase');
  });

  it.each([
    ['„Das Wasser ist knapp“, begründete Landrat Jens Bödecker die Verfügung.', 'Jens Bödecker'],
    ['„Er sagte: Spiel ihn nicht als Helden“, erinnerte sich Jens Bödecker.', 'Jens Bödecker'],
    ['„Mit meinem Gehalt komme ich kaum aus“, räumt Nadine Roth ein.', 'Nadine Roth'],
    ['„Das ist eine Frechheit“, schimpfte Nadine Roth.', 'Nadine Roth'],
  ])('more German verbs of saying: %s', (paragraph, speaker) => {
    expect(speakers([paragraph], 'de', [person('Jens Bödecker'), person('Nadine Roth')])).toEqual([speaker]);
  });

  it.each([
    '»Für uns ändert sich nichts.« Mit diesen Worten hat Braumeisterin Elena Schuster die Belegschaft beruhigt.',
    '»Für uns ändert sich nichts.« So formulierte es die neue Eigentümerin, Vorstandschefin Elena Schuster, vor der Belegschaft.',
    '»Für uns ändert sich nichts.« Das sagte auch Braumeisterin Elena Schuster.',
  ])('the next sentence names the speaker after its verb: %s', (paragraph) => {
    expect(
      speakers(['Markus Stodden übernimmt die Brauerei.', paragraph], 'de', [
        person('Markus Stodden'),
        person('Elena Schuster'),
      ]),
    ).toEqual(['Elena Schuster']);
  });

  it.each([
    {
      pattern:
        '„sagte die Vorsitzende des Vereins, Doris Lemke“: the name in the apposition after a description',
      paragraphs: [
        'Anja Brüning kam auch.',
        '„Viele wollten aufgeben“, sagte die Vorsitzende des Vereins, Doris Lemke.',
      ],
      expected: ['Doris Lemke'],
    },
    {
      pattern: 'of two people introduced with one role, „sagte der Trainer“ is the one named last',
      paragraphs: [
        'Trainer Serge Bouchard war bedient. Bremerhavens Trainer Thomas Pohlmann blieb bescheiden.',
        '„Das war ein Spiel, mehr nicht“, sagte Pohlmann.',
        'Bouchard kündigte Änderungen an. „Ich schaue mir das an“, sagte der Trainer.',
      ],
      expected: ['Thomas Pohlmann', 'Serge Bouchard'],
    },
    {
      pattern:
        'a plural verb („Die Leute sagen uns“, „sagten die Anwohner“) makes its description nobody named',
      paragraphs: [
        'Leiterin Annett Petzold hat keinen Zwinger mehr frei.',
        '„Die Leute sagen uns: ‚Wir haben keine Zeit mehr für ihn‘“, erzählt Tierpfleger Robert Thieme.',
        '„Hier ist es zu laut“, sagten die Anwohnerinnen.',
      ],
      expected: ['Robert Thieme', null, null],
    },
  ])('$pattern', ({ paragraphs, expected }) => {
    const people = ['Anja Brüning', 'Doris Lemke', 'Annett Petzold', 'Robert Thieme'].map((name) =>
      person(name),
    );
    people.push(person('Serge Bouchard', 'Bouchard'), person('Thomas Pohlmann', 'Pohlmann'));
    expect(speakers(paragraphs, 'de', people)).toEqual(expected);
  });

  it('an unattributed speech after a paragraph about one person is that person’s; about two, nobody’s', () => {
    const speech = [
      '„Vor einem Jahr hat das Wasser uns alles genommen, was wir für selbstverständlich hielten.',
      '„Das ist es, was uns ausmacht.“',
    ];
    const intro = 'Bürgermeister Guido Oberländer hat eine Rede gehalten. Wir dokumentieren einen Auszug.';
    const people = [person('Guido Oberländer'), person('Ursula Hennig')];
    expect(speakers([intro, ...speech], 'de', people)).toEqual(['Guido Oberländer']);
    expect(speakers([`${intro} Ursula Hennig hörte zu.`, ...speech], 'de', people)).toEqual([null]);
  });
});

describe('role holders', () => {
  it('"the goalkeeper" is the person the role stands before ("his goalkeeper, Nick Pope"), not one it follows', () => {
    expect(
      speakers(
        [
          'Newcastle boss Eddie Howe praised his goalkeeper, Nick Pope. “Nick won us the game,” Howe said.',
          'Pope was modest. “The lads did the hard work,” the goalkeeper said.',
        ],
        'en',
        [person('Eddie Howe', 'Howe'), person('Nick Pope')],
      ),
    ).toEqual(['Eddie Howe', 'Nick Pope']);
  });
});

describe('German descriptions of the third round of written articles', () => {
  it('„Die Betriebsratsvorsitzende Sevgi Kaya“ is a woman: „sagte sie“ and „die 47-Jährige“ find her', () => {
    expect(
      speakers(
        [
          'Vorstandschef Hendrik Vollmer bestätigte die Kurzarbeit.',
          'Die Betriebsratsvorsitzende Sevgi Kaya trägt sie mit. „Kurzarbeit ja, Entlassungen nein“, sagte die 47-Jährige.',
          'Vollmer schwieg. Kaya bleibt optimistisch. „Die Auftragsbücher sind gut gefüllt“, sagte sie.',
        ],
        'de',
        [person('Hendrik Vollmer', 'Vollmer'), person('Sevgi Kaya', 'Kaya')],
      ),
    ).toEqual(['Sevgi Kaya', 'Sevgi Kaya']);
  });

  it('„der Vorsitzende“ with „der“ stays a man', () => {
    expect(
      speakers(
        ['Der Vorsitzende Sevgi Kaya und die Ministerin Anna Roth kamen.', '„Wir bleiben dabei“, sagte er.'],
        'de',
        [person('Sevgi Kaya'), person('Anna Roth')],
      ),
    ).toEqual(['Sevgi Kaya']);
  });

  it.each([
    ['„sagte der Biologe“', 'sagte der Biologe', 'Gunnar Wiese'],
    ['„sagt der Mikrobiologe“', 'sagt der Mikrobiologe', 'Gunnar Wiese'],
    ['„sagte die Athletin“', 'sagte die Athletin', 'Monika Seidl'],
  ])(
    'a profession noun nobody was introduced with is the nearest person of its gender: %s',
    (_, verb, who) => {
      expect(
        speakers([`Parkleiter Gunnar Wiese und Monika Seidl kamen. „Das ist ärgerlich“, ${verb}.`], 'de', [
          person('Gunnar Wiese'),
          person('Monika Seidl'),
        ]),
      ).toEqual([who]);
    },
  );

  it('„das Ministerium“ is nobody’s description: neuter nouns are not people', () => {
    expect(
      speakers(
        ['Gunnar Wiese leitet den Wildpark seit zehn Jahren. „Das ist ärgerlich“, schrieb das Papier.'],
        'de',
        [person('Gunnar Wiese')],
      ),
    ).toEqual([null]);
  });

  it.each([
    ['GDL-Chef Claus Weselsky', 'der Gewerkschafter', 'Claus Weselsky'],
    ['Stürmer Leon Hartwig', 'der Angreifer', 'Leon Hartwig'],
    ['Torhüter Leon Hartwig', 'der Keeper', 'Leon Hartwig'],
    ['Bürgermeister Leon Hartwig', 'der Rathauschef', 'Leon Hartwig'],
    ['der Abgeordnete Leon Hartwig', 'der Politiker', 'Leon Hartwig'],
  ])('a description more general than the role introduced: %s … %s', (intro, description, who) => {
    expect(
      speakers(
        [
          `Gestern sprach ${intro}. Danach kam Personalvorstand Martin Seiler.`,
          `„Wir bleiben hart“, sagte ${description}.`,
        ],
        'de',
        [person('Leon Hartwig'), person('Claus Weselsky'), person('Martin Seiler')],
      ),
    ).toEqual([who]);
  });

  it('„die Grünen-Politikerin“ is the woman introduced with the Greens, not a later woman of another party', () => {
    expect(
      speakers(
        [
          'Die Grünen-Abgeordnete Miriam Sauer kritisierte die Regierung.',
          'Unterstützung kam von der Linken. Deren Sprecherin Kerstin Wolff sagte: „Das reicht nicht.“',
          '„Wir beantragen einen Ausschuss“, kündigte die Grünen-Politikerin an.',
        ],
        'de',
        [person('Miriam Sauer'), person('Kerstin Wolff')],
      ),
    ).toEqual(['Kerstin Wolff', 'Miriam Sauer']);
  });

  it('„die SPD-Politikerin“ is the minister introduced with „(SPD)“', () => {
    expect(
      speakers(
        [
          'Wirtschaftsministerin Katharina Vogt (SPD) und Ministerin Anna Roth (CDU) stritten.',
          '„Da muss man laut sein“, sagt die SPD-Politikerin.',
        ],
        'de',
        [person('Katharina Vogt'), person('Anna Roth')],
      ),
    ).toEqual(['Katharina Vogt']);
  });

  it('„die Siegerin“ is whoever the article says won, not the last woman named', () => {
    expect(
      speakers(
        [
          'Die Biathletin Johanna Krüger hat ihren ersten Sieg gefeiert. Sie lag vor der Norwegerin Ingrid Solberg.',
          '„Ich kann es nicht glauben“, sagte die Siegerin.',
        ],
        'de',
        [person('Johanna Krüger'), person('Ingrid Solberg')],
      ),
    ).toEqual(['Johanna Krüger']);
  });

  it.each([
    [
      'Das Landratsamt Miltenberg teilte auf Anfrage mit: „Das ist nicht zu vermeiden.“',
      'Landratsamt Miltenberg',
    ],
    ['Das Umweltministerium in Stuttgart teilte mit: „Das ist nicht zu vermeiden.“', 'Umweltministerium'],
    ['Der Bund Naturschutz beruhigte: „Das ist nicht zu vermeiden.“', 'Bund Naturschutz'],
  ])('an institution the recogniser did not tag speaks as named: %s', (paragraph, who) => {
    expect(
      speakers(['Bürgermeisterin Claudia Herbst war in Miltenberg und Stuttgart.', paragraph], 'de', [
        person('Claudia Herbst'),
        place('Miltenberg'),
        place('Stuttgart'),
      ]),
    ).toEqual([who]);
  });

  it('a colon introduction by a place or a common noun is still no speaker', () => {
    expect(
      speakers(
        ['Claudia Herbst war da. Die Lage in Stuttgart blieb ruhig: „Das ist nicht zu vermeiden.“'],
        'de',
        [person('Claudia Herbst'), place('Stuttgart')],
      ),
    ).toEqual([null]);
  });

  it('„Sie leidet bis heute. „…““: a pronoun subject before an unattributed quote is the woman, not the later man', () => {
    expect(
      speakers(
        [
          'Die Zeugin Birgit Haas sagte aus. Richter Andreas Hoffmann hörte zu.',
          'Sie leidet bis heute unter den Folgen. „Ich kann nicht mehr unterrichten.“',
        ],
        'de',
        [person('Birgit Haas'), person('Andreas Hoffmann')],
      ),
    ).toEqual(['Birgit Haas']);
  });

  it('„Sie fordern Hilfe. „…““: a plural „sie“ hands the quote to nobody', () => {
    expect(
      speakers(
        [
          'Die Zeugin Birgit Haas sagte aus.',
          'Die Anwohner sind wütend. Sie fordern Hilfe. „Wir können nicht mehr.“',
        ],
        'de',
        [person('Birgit Haas')],
      ),
    ).toEqual([null]);
  });

  it('„Frau Vogt, …?“ – „Nein …“: the question is not hers, the answer is', () => {
    expect(
      speakers(
        [
          'Ministerin Katharina Vogt verteidigt im Gespräch ihren Kurs.',
          '„Frau Vogt, haben Sie die Lage unterschätzt?“ – „Nein. Wir haben früh gewarnt.“',
        ],
        'de',
        [person('Katharina Vogt', 'Vogt')],
      ),
    ).toEqual([null, 'Katharina Vogt']);
  });

  it('an entry that is only a first name gives the name as written („Florian“ → Florian Weiß)', () => {
    expect(
      speakers(
        [
          'Laut Branchenexperte Florian Weiß vom Ifo-Institut ist das kein Einzelfall: „Fast jeder plant so.“',
        ],
        'de',
        [person('Florian')],
      ),
    ).toEqual(['Florian Weiß']);
  });

  it('„bei der Deutschen Post heißt es“ names Deutsche Post, in the nominative', () => {
    expect(
      speakers(['Bei der Deutschen Post heißt es: „Wir haben 10.000 Aushilfen eingestellt.“'], 'de', [
        org('Deutschen Post'),
      ]),
    ).toEqual(['Deutsche Post']);
  });

  it('„Danach wirkte er nachdenklich. „…““: a pronoun after the verb is the subject too', () => {
    expect(
      speakers(
        [
          'Die Rentnerin Agnieszka Nowak weinte. Der Filialleiter, Thomas Wendler, hatte sie angezeigt.',
          'Nach der Verhandlung wirkte er nachdenklich. „Das tut mir trotzdem leid.“',
        ],
        'de',
        [person('Agnieszka Nowak'), person('Thomas Wendler')],
      ),
    ).toEqual(['Thomas Wendler']);
  });

  it('„Seine Botschaft an die Ministerin: „…““ is the man the possessive refers to, not the woman', () => {
    expect(
      speakers(
        [
          'Verbandspräsident Hubertus Wenning und Agrarexpertin Lena Hoppe streiten.',
          'Wenning kündigte Proteste an. Seine Botschaft an die Ministerin: „Kommen Sie auf unsere Höfe.“',
        ],
        'de',
        [person('Hubertus Wenning', 'Wenning'), person('Lena Hoppe')],
      ),
    ).toEqual(['Hubertus Wenning']);
  });

  it('„Wimmer bleibt skeptisch. „…““: a sentence about one person hands the next words to them', () => {
    expect(
      speakers(
        [
          'Schäfer Georg Wimmer und die Wildbiologin Katrin Ebner kamen.',
          'Das Ministerium will Zäune fördern. Wimmer bleibt skeptisch. „Bis das Geld kommt, ist der Sommer vorbei.“',
        ],
        'de',
        [person('Georg Wimmer', 'Wimmer'), person('Katrin Ebner')],
      ),
    ).toEqual(['Georg Wimmer']);
  });

  it('but not after a sentence naming two people', () => {
    expect(
      speakers(
        [
          'Schäfer Georg Wimmer und die Wildbiologin Katrin Ebner kamen.',
          'Es wurde laut. Wimmer traf Ebner am Zaun. „Bis das Geld kommt, ist der Sommer vorbei.“',
        ],
        'de',
        [person('Georg Wimmer', 'Wimmer'), person('Katrin Ebner', 'Ebner')],
      ),
    ).toEqual([null]);
  });

  it('a role word the recogniser took into the name is left out („Zuspielerin Lisa-Marie Krause“)', () => {
    expect(
      speakers(['„Das ist der größte Tag meiner Karriere“, sagte Zuspielerin Lisa-Marie Krause.'], 'de', [
        person('Zuspielerin Lisa-Marie Krause'),
      ]),
    ).toEqual(['Lisa-Marie Krause']);
  });

  it('„Eine Anwohnerin … „…“, sagte sie“: the pronoun is the unnamed woman’s, not the last named person’s', () => {
    expect(
      speakers(
        [
          'Betreiber Timo Kessler ist fassungslos.',
          'Eine Anwohnerin, die ihren Namen nicht nennen will, hatte sich beschwert. „Ich muss um fünf Uhr aufstehen“, sagte sie.',
        ],
        'de',
        [person('Timo Kessler')],
      ),
    ).toEqual([null]);
  });

  it('„…“, lautet das Fazit von Prof. Anja Brückner: the person after „von“', () => {
    expect(
      speakers(
        [
          'Anwalt Markus Feldhaus sprach zuerst. „Wir gehen in Berufung“, sagte er.',
          '„Für Verbraucher muss erkennbar sein, wann jemand bezahlt wird“, lautet dagegen das Fazit von Medienrechtlerin Prof. Anja Brückner.',
        ],
        'de',
        [person('Markus Feldhaus'), person('Anja Brückner')],
      ),
    ).toEqual(['Markus Feldhaus', 'Anja Brückner']);
  });

  it('an entry that is only the first of the names written gets the rest („Kai“ → Kai Sonntag)', () => {
    expect(
      speakers(['„Das wird sich verschärfen“, sagte deren Sprecher Kai Sonntag.'], 'de', [person('Kai')]),
    ).toEqual(['Kai Sonntag']);
  });

  it('„X war als eine der Ersten vor Ort. „…“, sagte sie“: a part of a group is not someone new', () => {
    expect(
      speakers(
        [
          'Notärztin Claudia Ritter war als eine der Ersten vor Ort. „Wir mussten zwei Menschen befreien“, sagte sie.',
        ],
        'de',
        [person('Claudia Ritter')],
      ),
    ).toEqual(['Claudia Ritter']);
  });

  it('„…“, heißt es in einer Erklärung des Verbands: the organisation named after the quote', () => {
    expect(
      speakers(
        [
          'Der Bundesverband Tafel Deutschland schlägt Alarm. „Die Tafeln sind kein Ersatz für den Sozialstaat“, heißt es in einer Erklärung des Verbands.',
        ],
        'de',
        [org('Bundesverband Tafel Deutschland')],
      ),
    ).toEqual(['Bundesverband Tafel Deutschland']);
  });

  it('„Ob sie an Rücktritt denke, wollte ein Reporter wissen. „Nein.““: the one asked answers', () => {
    expect(
      speakers(
        [
          'Bundestrainerin Anja Wolters und Sportvorstand Bernd Lochner kamen. „Das tut weh“, sagte Wolters.',
          'Ob sie an Rücktritt denke, wollte ein Reporter wissen. „Nein. Ich habe einen Vertrag bis 2027.“',
        ],
        'de',
        [person('Anja Wolters', 'Wolters'), person('Bernd Lochner')],
      ),
    ).toEqual(['Anja Wolters', 'Anja Wolters']);
  });

  it('„sagte die Musikpädagogin“ is a description; a first name alone gets the surname written after it', () => {
    expect(
      speakers(
        [
          'Schulleiter Konstantin Braun sprach zuerst. Ihre Lehrerin Martina Hoch war stolz. „Sie hat nicht gezögert“, sagte die Musikpädagogin.',
        ],
        'de',
        [person('Konstantin Braun'), person('Martina')],
      ),
    ).toEqual(['Martina Hoch']);
  });

  it('a surname alone takes the first name the article writes before it (never a fragment as speaker)', () => {
    expect(
      speakers(
        [
          'Kulturdezernentin Elke Reichardt will vermitteln. „Dann hört nur, wer hören will“, sagte die SPD-Politikerin.',
        ],
        'de',
        [person('Reichardt')],
      ),
    ).toEqual(['Elke Reichardt']);
    // A capitalised word before the surname that is no first name stays out of the name.
    expect(
      speakers(
        ['Kulturdezernentin Reichardt will vermitteln. „Dann hört nur, wer hören will“, sagte sie.'],
        'de',
        [person('Reichardt')],
      ),
    ).toEqual(['Reichardt']);
  });
});

describe('German generalisation (round 10): verbs, clauses and descriptions news text varies', () => {
  it.each([
    ['„Das ist ein großartiges Signal“, freut sich Zoodirektor Bernd Kühl.', 'Bernd Kühl'],
    ['„Einen Rückzieher wird es nicht geben“, stellt Kühl klar.', 'Bernd Kühl'],
    ['„Anders geht es nicht mehr“, gibt Kühl zu.', 'Bernd Kühl'],
    ['„Das ist der schönste Beruf der Welt“, findet Kühl.', 'Bernd Kühl'],
    ['„Ich bin doch nicht alt“, lacht Kühl.', 'Bernd Kühl'],
    ['„Das wird knapp“, resümiert Kühl.', 'Bernd Kühl'],
  ])('a verb of saying in any tense of its stem: %s', (paragraph, speaker) => {
    expect(speakers(['Der Zoo hat ein neues Gehege.', paragraph], 'de', [person('Bernd Kühl')])).toEqual([
      speaker,
    ]);
  });

  it('„…“, wie X am Dienstag sagte: the subject of a verb-final clause after the quote', () => {
    expect(
      speakers(
        [
          'Die Brücke bleibt gesperrt. „Die Schäden sind größer als gedacht“, wie Baudezernent Otto Lenz am Dienstag sagte.',
        ],
        'de',
        [person('Otto Lenz')],
      ),
    ).toEqual(['Otto Lenz']);
  });

  it.each([
    [
      'Der Schwede Nils Lindholm gewann vor Tobias Keller. „Ich bin überglücklich“, sagte der Schwede.',
      'Nils Lindholm',
    ],
    [
      'Der US-Amerikaner Mike Turner wechselt zu Jan Ohde. „Ich freue mich“, sagte der US-Amerikaner.',
      'Mike Turner',
    ],
    [
      'Die Französin Claire Dubois gewann vor Hanna Weber. „Unglaublich“, sagte die Französin.',
      'Claire Dubois',
    ],
  ])('a nationality describes the person introduced with it: %s', (paragraph, speaker) => {
    const quotes = findQuotes(
      buildArticle([paragraph], 'de'),
      buildEntities(paragraph, [
        person('Nils Lindholm'),
        person('Tobias Keller'),
        person('Mike Turner'),
        person('Jan Ohde'),
        person('Claire Dubois'),
        person('Hanna Weber'),
      ]),
    );
    // A one-word sentence followed by who said it is speech, not a title.
    expect(quotes.map((q) => [q.kind, q.speaker])).toEqual([['speech', speaker]]);
  });

  it('„Dazu sagte die Sprecherin des Ministeriums, Katja Brandt:“ — the name in apposition after the verb', () => {
    expect(
      speakers(
        [
          'Minister Paul Kern schwieg. Dazu sagte die Sprecherin des Ministeriums, Katja Brandt: „Wir prüfen den Fall.“',
        ],
        'de',
        [person('Paul Kern'), person('Katja Brandt')],
      ),
    ).toEqual(['Katja Brandt']);
  });

  it('„Nach den Worten von Bischof X …“ hands the next quote to X; „Mit … Worten hat X …“ does not name a source', () => {
    expect(
      speakers(
        ['Nach den Worten von Bischof Georg Bätzing ist die Kirche in der Krise. „Wir müssen uns ändern.“'],
        'de',
        [person('Georg Bätzing')],
      ),
    ).toEqual(['Georg Bätzing']);
    expect(
      speakers(
        [
          'Mit deutlichen Worten hat Bischof Georg Bätzing die Lage auf einer „schweren Prüfung“ beschrieben.',
        ],
        'de',
        [person('Georg Bätzing')],
      ),
    ).toEqual([null]);
  });

  it('a feminine person noun before a name the recogniser missed is left out of the speaker’s name', () => {
    expect(
      speakers(
        [
          'Die Expertin Ute Sommer warnt vor Panik. „Die Lage ist ernst, aber beherrschbar“, so Sommer weiter.',
        ],
        'de',
        [],
      ),
    ).toEqual(['Ute Sommer']);
    // A first name with a person-noun ending stays a name: „Maarten De Smet“ keeps „Maarten“.
    expect(
      speakers(
        [
          'Ihr Trainer, der Belgier Maarten De Smet, war stolz. „Wir hatten das beste Team“, sagte der Übungsleiter.',
        ],
        'de',
        [person('Maarten De Smet')],
      ),
    ).toEqual(['Maarten De Smet']);
  });
});

describe('confidence: two people who both fit', () => {
  it('an age or pronoun after two people joined by „und“ who both fit is "speaker unclear"', () => {
    const entities = [person('Jens Kolb'), person('Otto Hahn'), person('Birgit Wolf')];
    expect(
      speakers(
        [
          'Trainer Jens Kolb und Manager Otto Hahn sprachen nach dem Spiel. „Wir müssen reden“, sagte der 48-Jährige.',
        ],
        'de',
        entities,
      ),
    ).toEqual(['unclear']);
    expect(
      speakers(
        ['Trainer Jens Kolb und Manager Otto Hahn sprachen nach dem Spiel. „Wir müssen reden“, sagte er.'],
        'de',
        entities,
      ),
    ).toEqual(['unclear']);
    // Gender tells them apart: the one woman of the two.
    expect(
      speakers(
        ['Trainer Jens Kolb und Stadträtin Birgit Wolf stritten im Rat. „Das ist unseriös“, sagte sie.'],
        'de',
        entities,
      ),
    ).toEqual(['Birgit Wolf']);
  });

  it('„…, antwortete Minister Hans Bauer: „Nein.““ — one word introduced by a colon is speech', () => {
    const article = buildArticle(
      ['Auf die Frage, ob er zurücktrete, antwortete Minister Hans Bauer: „Nein.“'],
      'de',
    );
    const quotes = findQuotes(article, buildEntities(article.text, [person('Hans Bauer')]));
    expect(quotes.map((q) => [q.kind, q.speaker])).toEqual([['speech', 'Hans Bauer']]);
  });
});

describe('the sentence that introduces a quote: its subject wherever it stands', () => {
  it.each([
    [
      'Landwirt Georg Huber (54) hat die Ernte verloren. Der 54-Jährige ist enttäuscht: „Das war ein Jahr zum Vergessen.“',
      'Georg Huber',
    ],
    [
      'Familienministerin Karla Beck hält an dem Plan fest. Die Ministerin bleibt dabei: „Das Elterngeld wird reformiert.“',
      'Karla Beck',
    ],
    [
      'Landrätin Petra Sommer besuchte das Dorf. Die Landrätin zeigte sich erschüttert. „So etwas habe ich nie erlebt.“',
      'Petra Sommer',
    ],
    [
      'Der Stadtrat stimmte zu. Auch Kämmerer Jochen Frey sieht das so: „Wir haben keine Wahl.“',
      'Jochen Frey',
    ],
    [
      'Der Plan stößt auf Kritik. Ähnlich sieht es Verbandschefin Doris Kern: „Das ist zu wenig.“',
      'Doris Kern',
    ],
    ['Und Jochen Frey? „Mir geht es gut.“', 'Jochen Frey'],
    [
      'Der Plan ist umstritten. Kritik kommt von der Abgeordneten Doris Kern. „Das ist Symbolpolitik.“',
      'Doris Kern',
    ],
    [
      'Die Bürgermeisterin steht unter Druck. Unterstützung bekommt sie von Landrat Jochen Frey: „Sie macht das gut.“',
      'Jochen Frey',
    ],
  ])('%s', (paragraph, speaker) => {
    expect(
      speakers([paragraph], 'de', [
        person('Georg Huber'),
        person('Karla Beck'),
        person('Petra Sommer'),
        person('Jochen Frey'),
        person('Doris Kern'),
      ]),
    ).toEqual([speaker]);
  });

  it('two people named in the introducing sentence, or someone unnamed („Ihr Chef habe gesagt:“), name no one', () => {
    expect(
      speakers(
        [
          'Der Streit geht weiter. Heute treffen sich Jochen Frey und Doris Kern erneut. „Das wird schwierig.“',
        ],
        'de',
        [person('Jochen Frey'), person('Doris Kern')],
      ),
    ).toEqual([null]);
    expect(
      speakers(['Pendlerin Doris Kern kommt zu spät. Ihr Chef habe gesagt: „Dann nimm halt Urlaub.“'], 'de', [
        person('Doris Kern'),
      ]),
    ).toEqual([null]);
  });

  it('„…“, hat die Kanzlerin einst gesagt: the subject after an auxiliary, the verb of saying last', () => {
    expect(
      speakers(['„Wir schaffen das“, hat Bundeskanzlerin Angela Merkel einst gesagt.'], 'de', [
        person('Angela Merkel'),
      ]),
    ).toEqual(['Angela Merkel']);
    // „soll er gerufen haben“: hearsay about someone the pronoun may not name.
    expect(
      speakers(['Polizeisprecher Jan Ohde schildert den Fall. „Geld her“, soll er gerufen haben.'], 'de', [
        person('Jan Ohde'),
      ]),
    ).toEqual([null]);
  });
});

describe('document model: who an article is about', () => {
  it('an interview’s answers after questions set without marks are the interviewee’s', () => {
    expect(
      speakers(
        [
          'Thomas Wieland ist Bergführer in Garmisch. Wir haben ihn gefragt, wie gefährlich die Zugspitze ist.',
          'Wie viele Rettungen gibt es im Jahr?',
          '„Zu viele. Die meisten Leute sind schlecht ausgerüstet.“',
          'Was raten Sie?',
          '„Umdrehen, wenn das Wetter kippt.“',
        ],
        'de',
        [person('Thomas Wieland')],
      ),
    ).toEqual(['Thomas Wieland', 'Thomas Wieland']);
    // The question addresses its interviewee by name.
    expect(
      speakers(
        [
          'Jonas Beck und Katrin Albers trainieren in Köln.',
          'Frau Albers, was ist das Geheimnis?',
          '„Es gibt kein Geheimnis.“',
        ],
        'de',
        [person('Jonas Beck'), person('Katrin Albers', 'Albers')],
      ),
    ).toEqual(['Katrin Albers']);
  });

  it('a name opening with a common first name is a person even when tagged as an organisation', () => {
    expect(
      speakers(
        [
          'Finanzministerin Ulrike Hahn legte den Etat vor. Oppositionsführer Karl Brenner kritisierte ihn scharf.',
          '„Das ist ein Haushalt der Ausreden“, sagte er.',
          '„Die Zahlen sind solide“, entgegnete sie.',
        ],
        'de',
        [org('Ulrike Hahn'), person('Karl Brenner')],
      ),
    ).toEqual(['Karl Brenner', 'Ulrike Hahn']);
  });
});

describe('a person who is the object of the introducing sentence is not its speaker', () => {
  it.each([
    ['Die Polizei nahm den Unternehmer Max Huber fest. „Wir ermitteln weiter.“'],
    ['Die Opposition kritisierte Minister Max Huber scharf: „Er hat versagt.“'],
  ])('%s', (paragraph) => {
    expect(speakers([paragraph], 'de', [person('Max Huber')])).toEqual([null]);
  });

  it('a dative before the verb leaves the subject after it („Dem „Handelsblatt“ sagte er:“)', () => {
    expect(
      speakers(
        [
          'Der Unternehmer Max Huber will wachsen. Dem „Handelsblatt“ sagte er: „Wir investieren 50 Millionen.“',
        ],
        'de',
        [person('Max Huber'), org('Handelsblatt')],
      ),
    ).toEqual([null, 'Max Huber']);
  });
});

describe('round 11: a long lower-case clause inside a German sentence', () => {
  const kinds = (paragraphs: string[], lang: 'de' | 'en', entities: GoldEntity[]) => {
    const article = buildArticle(paragraphs, lang);
    return findQuotes(article, buildEntities(article.text, entities)).map((q) => [q.kind, q.speaker]);
  };

  it('„erklärte, man habe „alles getan, …““ is speech by the subject, not a phrase', () => {
    expect(
      kinds(
        ['Anna Weber erklärte, man habe „alles getan, was in unserer Macht stand, um die Schule zu retten“.'],
        'de',
        [person('Anna Weber')],
      ),
    ).toEqual([['speech', 'Anna Weber']]);
  });

  it('a short lower-case quote inside the sentence stays a phrase', () => {
    expect(kinds(['Die Gruppe will „ein Zeichen setzen“.'], 'de', [])).toEqual([['phrase', null]]);
  });
});

describe('round 11: the police and other institutions as speakers', () => {
  it('„teilte die Polizei mit“, „so die Staatsanwaltschaft Würzburg“, „berichtete die Feuerwehr“: the institution', () => {
    expect(
      speakers(
        [
          'In Augsburg wurde ein Geldautomat gesprengt. „Die Täter flüchteten in einem dunklen Wagen“, teilte die Polizei mit.',
          '„Wir gehen von Brandstiftung aus“, so die Staatsanwaltschaft Würzburg.',
          '„Ein Übergreifen auf die Nachbarhäuser konnte verhindert werden“, berichtete die Feuerwehr.',
          '„Die Klage ist unbegründet“, teilte das Landgericht mit.',
        ],
        'de',
        [place('Augsburg')],
      ),
    ).toEqual(['Polizei', 'Staatsanwaltschaft Würzburg', 'Feuerwehr', 'Landgericht']);
  });

  it('a spokesperson of an institution is someone not named, not the institution named just before', () => {
    expect(
      speakers(
        [
          'Die Staatsanwaltschaft ermittelt. „Die Anklage ist erhoben“, so ein Sprecher der Staatsanwaltschaft.',
          'Die Polizei sperrte die A9. „Die Strecke bleibt gesperrt“, sagte eine Sprecherin der Autobahnpolizei.',
        ],
        'de',
        [],
      ),
    ).toEqual([null, null]);
  });
});

describe('round 11: organisations the recogniser did not tag', () => {
  it('„heißt es in einer Erklärung der Stadtwerke München“: the name after the statement, as written', () => {
    expect(
      speakers(
        [
          'Die Preise steigen erneut. „Wir müssen die Kosten weitergeben“, heißt es in einer Erklärung der Stadtwerke München.',
          '„Die Sicherheit der Fahrgäste hat Vorrang“, hieß es in einer Stellungnahme der Rheinbahn.',
        ],
        'de',
        [place('München'), place('Rheinbahn')],
      ),
    ).toEqual(['Stadtwerke München', 'Rheinbahn']);
  });

  it('„teilte der Verein mit“, „des Konzerns“: the name the article wrote with that noun before', () => {
    expect(
      speakers(
        [
          'Der Sportverein Blau-Weiß Lohne trennt sich vom Trainer. „Wir danken ihm für seine Arbeit“, teilte der Verein mit.',
          'Der Konzern Heidelberg Materials baut Stellen ab. In einer Mitteilung des Konzerns hieß es: „Der Umbau ist notwendig.“',
        ],
        'de',
        [place('Lohne'), place('Heidelberg')],
      ),
    ).toEqual(['Blau-Weiß Lohne', 'Heidelberg Materials']);
  });

  it('„Der Niedersächsische Fußballverband … erklärte der Verband“: the institution in the nominative', () => {
    expect(
      speakers(
        [
          'Der Niedersächsische Fußballverband kündigte Hilfe an. „Der Spielbetrieb der Jugendteams ist gesichert“, erklärte der Verband.',
        ],
        'de',
        [],
      ),
    ).toEqual(['Niedersächsischer Fußballverband']);
  });
});
