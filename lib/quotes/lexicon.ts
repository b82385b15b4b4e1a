/**
 * Word lists for quote attribution, German and English. Verbs are the inflected forms news text
 * uses around quotes (third person, present and past); role nouns are matched as the end of a word
 * so compounds count ("Regierungssprecher", "Außenministerin").
 */

/**
 * German weak verbs of saying by their stem: each gives the third person present and past, the
 * participle and the past plural („betont“, „betonte“, „betonten“; „antwortet“ with the linking e after d, t and a
 * consonant before m or n). News text varies its verbs; a stem list covers the tenses of each at once.
 */
const GERMAN_SPEECH_STEMS = (
  'sag beton erklär mein ergänz füg kritisier warn forder twitter zitier bericht teil versicher räum ' +
  'bekräftig unterstreich frag antwort erwider lob bezeichn verkünd mahn beklag bestätig kommentier ' +
  'resümier bilanzier schilder erzähl titel entgegn konter behaupt argumentier stell kündig appellier ' +
  'beteuer bemerk begründ erinner formulier erläuter äußer schimpf wetter polter klag seufz scherz spott ' +
  'jubel schwärm präzisier relativier urteil analysier prophezei prognostizier monier bemängel rüg ' +
  'dementier protestier beschwichtig beruhig hak freu ärger wunder empör bedauer dank ' +
  'lach grins staun hoff glaub vermut schätz fass merk insistier beharr flüster brüll murmel stöhn'
)
  .split(' ')
  .flatMap((stem) => {
    const linked = /(?:[dt]|[^aeiouäöülr][mn])$/u.test(stem) ? `${stem}e` : stem;
    // The participle after „hat“: „gesagt“, „gewarnt“; none of its own for „erklärt“, „kritisiert“.
    const own = !/^(?:be|er|ver|ent|zer|ge|über|unter|wider|miss)|ier$/u.test(stem);
    return [`${linked}t`, `${linked}te`, `${linked}ten`, ...(own ? [`ge${linked}t`] : [])];
  });

/**
 * German strong and mixed verbs of saying in the forms news text writes after a quote: „…“, rief
 * er; „…“, gab sie zu; „…“, weiß X; „…“, findet die Ärztin.
 */
const GERMAN_STRONG_SPEECH_VERBS = (
  'gab gibt rief ruft schrie schreit fand findet weiß wusste hält hielt bat bittet riet rät sprach spricht ' +
  'schrieb schreibt nannte nennt bekannte bekennt gestand gesteht verriet verrät versprach verspricht ' +
  'widersprach widerspricht empfahl empfiehlt beschrieb beschreibt hob hebt'
).split(' ');

export const SPEECH_VERBS = new Set([
  ...GERMAN_SPEECH_STEMS,
  ...GERMAN_STRONG_SPEECH_VERBS,
  // German
  ...(
    'sagte sagt sagten sagen betonte betont betonten erklärte erklärt erklärten meinte meint ergänzte ergänzt ' +
    'fügte fügt kritisierte kritisiert warnte warnt forderte fordert schrieb schreibt twitterte sprach spricht ' +
    'zitierte zitiert berichtete berichtet teilte versicherte versichert räumte bekräftigte bekräftigt ' +
    'unterstrich rief ruft fragte fragt antwortete antwortet erwiderte erwidert lobte lobt nannte nennt ' +
    'bezeichnete bezeichnet verkündete verkündet mahnte mahnt beklagte beklagt bestätigte bestätigt ' +
    'kommentierte kommentiert resümierte bilanzierte schilderte schildert erzählte erzählt ' +
    'titelte titelt entgegnete entgegnet konterte kontert widersprach widerspricht ' +
    'versprach verspricht behauptete behauptet argumentierte argumentiert stellte kündigte appellierte ' +
    'rät riet empfahl empfiehlt beteuerte beteuert bemerkte bemerkt verriet verrät gestand gesteht hielt ' +
    'begründete begründet erinnerte erinnert formulierte formuliert erläuterte erläutert äußerte äußert ' +
    'schimpfte schimpft wetterte polterte klagte klagt seufzte scherzte spottete jubelte schwärmte schwärmt ' +
    'präzisierte relativierte urteilte räumt beschrieb beschreibt ' +
    // English
    'gesagt geschrieben betont erklärt ' +
    'said says say told tells added adds explained explains stated states noted notes warned warns argued ' +
    'argues insisted insists claimed claims wrote writes asked asks replied replies continued declared ' +
    'announced admitted commented remarked recalled urged called calls described describes praised ' +
    'tweeted posted responded answered acknowledged conceded suggested confirmed vowed pledged quipped ' +
    'joked shouted cried whispered headlined testified testifies recalled recalls answered countered conceded ' +
    'announced admits added insisted saying advised advises'
  ).split(' '),
]);

/** Words between a subject and its speech verb: "Kim was quoted as saying", "Smith later told". */
export const AUXILIARIES = new Set(
  'was is has had quoted as also later then again further hat habe noch auch später dann'.split(' '),
);

/** Verbs that follow their object in an English "X told reporters" frame: the object is the audience. */
export const AUDIENCE_VERBS = new Set(['told', 'tells', 'zitierte', 'zitiert']);

export const PRONOUNS = new Set(['er', 'sie', 'he', 'she']);

export const DETERMINERS = new Set(
  'der die das den dem des ein eine einer einem eines sein seine seiner ihr ihre ihrer the a an his her their its'.split(
    ' ',
  ),
);

/** Sentence adverbs that may stand between a speaker and the verb, or start a sentence before the verb. */
export const ADVERBS = new Set(
  (
    'selbst auch jedoch dann nun zudem außerdem später bereits ebenfalls erneut noch dabei daraufhin dazu ' +
    'damals zuletzt zuvor stattdessen allerdings gestern heute abschließend weiter zugleich ' +
    'also later then further previously earlier again today yesterday however too still meanwhile ' +
    'But And Then Later Also Dann Dazu Doch Aber Auch Später Zugleich Zudem Außerdem Gestern Heute However Meanwhile'
  ).split(' '),
);

/** Words that may start a sentence and are capitalised without being a name. */
export const CAPITALISED_FUNCTION_WORDS = new Set(
  (
    'Der Die Das Den Dem Des Ein Eine Einer Dann Dazu Doch Aber Auch Später Zugleich Zudem Außerdem Gestern ' +
    'Heute Am Im In Nach Vor Bei Mit Laut So Und Oder Es Er Sie Wir Ich Man Dies Diese Dieser Damals Zuletzt ' +
    'The A An But And Then Later Also However Meanwhile In On At After Before When While It He She They We I ' +
    'This That According Yesterday Today Earlier Speaking Asked'
  ).split(' '),
);

export const NAME_PARTICLES = new Set(['von', 'van', 'de', 'da', 'di', 'al', 'bin', 'zu', 'le', 'la']);

export const TITLES = new Set(
  // British style writes the short titles without a full stop: "Mr Moss", "Dr Nair".
  'Mr. Mrs. Ms. Dr. Prof. Mr Mrs Ms Dr Prof Herr Frau Sir Dame Lord'.split(' '),
);

const GERMAN_ROLES =
  'machthaber|präsident|kanzler|minister|sprecher|chef|vorsitzender?|bürgermeister|trainer|direktor|experte|' +
  'analyst|politiker|abgeordneter?|botschafter|general|kommandeur|diktator|leiter|anwalt|anwältin|richter|' +
  'staatschef|regierungschef|premier|senator|gouverneur|beamter?|ermittler|polizist|zeuge|forscher|autor|' +
  'manager|gründer|geschäftsführer|intendant|bischof|papst|könig|königin|oberst|offizier|sekretär|' +
  'dezernent|rätin|landrat|stadtrat|regisseur|schauspieler|sänger|direktor|vorstand|ökonom|wissenschaftler|' +
  'theologe|theologin|ärztin|arzt|pfleger|pflegerin|lehrer|schulleiter|vertreter|kapitän|sportdirektor|verteidiger|' +
  'staatsanwalt|oberstaatsanwalt|senator|dezernentin|betriebsrat|landwirt|bauer|rentner|studentin|student|investor|' +
  'spieler|stürmer|torhüter|torwart|athlet|sportler|läufer|sieger|ingenieur|gutachter|kommissar|kurator|' +
  'fotograf|künstler|musiker|biolog|kolleg';

const ENGLISH_ROLES =
  'president|prime minister|minister|spokesman|spokeswoman|spokesperson|leader|chief|chairman|chairwoman|' +
  'ceo|director|coach|manager|official|officer|secretary|senator|governor|mayor|lawyer|attorney|judge|' +
  'analyst|expert|professor|dictator|ambassador|general|commander|captain|boss|chancellor|researcher|' +
  'scientist|author|witness|founder|owner|king|queen|pope|bishop|detective|prosecutor|sheriff|striker|' +
  'midfielder|defender|goalkeeper|player|actor|actress|singer|star|superintendent|secretary|commissioner|' +
  'chair|economist|engineer|nurse|doctor|keeper|director|editor|critic|novelist|chef|farmer|resident|councilman|' +
  'councilwoman|congressman|congresswoman|treasurer|supervisor|consultant|teacher|student|investor|' +
  // British spellings and titles written before a name ("Councillor Sharon Thompson", "surgeon Owase Jeelani")
  'councillor|councilor|alderman|lawmaker|legislator|surgeon|paramedic|ranger|campaigner|activist|pundit|' +
  'historian|curator|inspector|constable|sergeant|lieutenant|colonel|admiral|vicar|archbishop|headteacher';

/** Role noun at the end of a German noun (with inflection) or an English role word. */
export const ROLE_NOUN = new RegExp(
  `(?:(?:${GERMAN_ROLES})(?:in|innen|en|n|s|e)?$)|^(?:${ENGLISH_ROLES})s?$`,
  'iu',
);

/** Nouns for an organisation standing for it as a speaker: "the club said", „des Konzerns". */
export const ORG_NOUN =
  /^(?:club|company|firm|team|agency|airline|carrier|bank|department|ministry|union|hospital|school|council|konzerns?|unternehmens?|vereins?|klubs?|firma|ministeriums?|gewerkschaft|behörde|stadtwerke|verbands?|zoos?|tierparks?|museums?|theaters?)$/iu;

/**
 * A nationality standing for a person met before: "the Dane said", "the Spaniard", "the Brazilian".
 * With "the" it is a description (like a role noun), never a name of its own.
 */
export const DEMONYM =
  /^(?!Guardian$)(?:\p{Lu}\p{Ll}+(?:ian|ean|ese)|Dane|Swede|Finn|Pole|Czech|Scot|Swiss|Greek|Turk|Briton|Spaniard|German|American|Mexican|Moroccan|Kenyan|Nigerian|Israeli|Pakistani|Iraqi|Afghan|Thai|Argentine|Dutchman|Dutchwoman|Frenchman|Frenchwoman|Englishman|Englishwoman|Irishman|Irishwoman|Welshman|Welshwoman|Scotsman|Scotswoman|Kiwi|Aussie)$/u;

/**
 * A German nationality or origin standing for a person met before: „der Schwede“, „die Französin“,
 * „der US-Amerikaner“, „die gebürtige Belgraderin“ (the -er forms are person nouns already, see
 * PERSON_NOUN). Like a role noun it describes someone; it is never a name of its own.
 */
export const GERMAN_DEMONYM =
  /^(?:\p{Lu}[\p{L}\p{N}]*-)?(?:Schwed|Dän|Pol|Russ|Brit|Franzos|Französ|Türk|Griech|Chines|Finn|Schott|Ir|Tschech|Slowak|Slowen|Kroat|Serb|Portugies|Ungar|Bulgar|Rumän|Ukrain|Esten|Lett|Litau|Belgi|Norweg|Japan|Kenian|Brasilian|Argentini|Mexikan|Marokkan|Ägypt|Syr|Afghan)(?:e|en|in|innen|er|erin)$/u;

/**
 * German descriptions more general than the role a person was introduced with: „der Gewerkschafter“
 * after „GDL-Chef Claus Weselsky“, „die Politikerin“ after „die Abgeordnete Miriam Sauer“, „der
 * Angreifer“ after „Stürmer Leon Hartwig“. Each entry: the general word (its stem, matched at the end
 * of the description, so „Grünen-Politikerin“ counts) and the introduced words it covers (lower
 * case, matched at the end of the word next to the name).
 */
export const ROLE_HYPERNYMS: Array<[general: RegExp, covers: RegExp]> = [
  [
    /politiker(?:in)?$/u,
    /(?:abgeordnete[rn]?|minister(?:in)?|bürgermeister(?:in)?|(?:stadt|land|gemeinde)(?:rat|rätin)|kanzler(?:in)?|senator(?:in)?|ministerpräsident(?:in)?|dezernent(?:in)?|staatssekretär(?:in)?|kandidat(?:in)?|(?:fraktions|partei|landes)(?:chef|chefin|vorsitzende[r]?))$/u,
  ],
  [
    /gewerkschafter(?:in)?$/u,
    /^(?:gewerkschafts\p{L}*|(?:gdl|evg|verdi|ver\.di|ig-metall|igm|ig-bce|gew|gdp|dgb|ngg|gdf|ufo|vc|marburger-bund)-(?:chef|chefin|vorsitzende[r]?|boss|sprecher(?:in)?|führer(?:in)?))$/u,
  ],
  [/angreifer(?:in)?$/u, /(?:stürmer(?:in)?|torjäger(?:in)?)$/u],
  [/stürmer(?:in)?$/u, /(?:angreifer(?:in)?|torjäger(?:in)?)$/u],
  [
    /(?:keeper|torhüter(?:in)?|torwart|torfrau|schlussmann)$/u,
    /(?:keeper|torhüter(?:in)?|torwart|torfrau|schlussmann)$/u,
  ],
  [/rathauschef(?:in)?$/u, /bürgermeister(?:in)?$/u],
  [
    /(?:forscher(?:in)?|wissenschaftler(?:in)?)$/u,
    /(?:loge|login|forscher(?:in)?|wissenschaftler(?:in)?|professor(?:in)?|physiker(?:in)?|chemiker(?:in)?|ökonom(?:in)?|studienleiter(?:in)?|erstautor(?:in)?)$/u,
  ],
  [/(?:mediziner(?:in)?|arzt|ärztin)$/u, /(?:arzt|ärztin|chirurg(?:in)?|mediziner(?:in)?|loge|login)$/u],
  [
    /manager(?:in)?$/u,
    /(?:chef(?:in)?|vorstand|vorstandsvorsitzende[r]?|geschäftsführer(?:in)?|inhaber(?:in)?|gründer(?:in)?)$/u,
  ],
  [/chef(?:in)?$/u, /(?:vorstand|vorstandsvorsitzende[r]?|geschäftsführer(?:in)?|inhaber(?:in)?)$/u],
  [/^(?:rechts)?(?:anwalt|anwältin)$/u, /(?:verteidiger(?:in)?|anwalt|anwältin)$/u],
];

/**
 * Descriptions won by an event rather than held as a role: „die Siegerin“ is whoever the article
 * says won („hat den Berlin-Marathon gewonnen“, „ihren ersten Sieg gefeiert“).
 */
export const WINNER = /(?:sieger|gewinner)(?:in)?$/iu;
export const WIN_WORDS =
  /(?<!\p{L})(?:gewonnen|gewann|gewinnt|siegte|gesiegt|siegt|Sieg|triumphierte|won|wins|victory)(?!\p{L})/u;

/**
 * German adjectival person nouns: their gender is the article's (die/der Vorsitzende), and without
 * an article the -e form is the feminine one („Vorsitzende Sevgi Kaya“, masculine „Vorsitzender“).
 */
export const ADJECTIVAL_PERSON_NOUN =
  /(?:vorsitzende|abgeordnete|beauftragte|angestellte|bedienstete|angeklagte|sachverständige|delegierte|betroffene|geschädigte|verletzte|verwandte|bekannte|auszubildende|stellvertretende)$/iu;

/**
 * German institutions by the end of their name: „Das Landratsamt Miltenberg teilte mit“, „Das
 * Umweltministerium erklärte“, „Der Bund Naturschutz beruhigte“, and the police, prosecutors, fire
 * brigades and courts („teilte die Polizei mit“, „so die Staatsanwaltschaft Würzburg“, „berichtete die
 * Feuerwehr“). Such a subject speaks as the institution, named as written, even when the recogniser
 * did not tag it. Its spokesperson („sagte ein Polizeisprecher“, „ein Sprecher der Staatsanwaltschaft“)
 * is a person the article does not name: that quote stays without a speaker, not the institution's.
 */
export const INSTITUTION_HEAD =
  /^(?:\p{Lu}\p{Ll}*(?:ministerium|amt|behörde|verband|verein|vereinigung|direktion|zentrale|werke|institut|kammer|gewerkschaft|konzern|stiftung|staatsanwaltschaft|polizei|feuerwehr|gericht|präsidium|inspektion)|Bund|Polizei|Feuerwehr|Staatsanwaltschaft|Gericht)$/u;

/**
 * German nouns for people by their suffix: Spieler, Sprecherin, Aktivist, Präsident, Abgeordnete,
 * Biologe, Pädagogin, Ökonomin, Routinier, Funktionär, Athletin, Ärztin; after a hyphenated prefix
 * too („US-Amerikaner“, „Ex-Nationalspieler“, „SPD-Politikerin“).
 */
export const PERSON_NOUN =
  /^(?:[\p{Lu}\p{N}][\p{L}\p{N}]*-)?\p{Lu}\p{Ll}+(?:er|erin|ist|istin|ent|entin|ant|antin|ige|igen|te|ten|loge|login|goge|gogin|nom|nomin|ier|är|ärin|eur|eurin|tin)$/u;

/** Nouns for what someone says, after a possessive before a colon: „Seine Botschaft: …“, „Ihr Fazit:“. */
export const SAYING_NOUN =
  /^(?:botschaft|fazit|antwort|appell|rat|forderung|kommentar|urteil|bilanz|credo|motto|devise|warnung|prognose|einschätzung|reaktion|erklärung|begründung|kritik|mahnung|bitte|wunsch|hoffnung|ansage|verdict|message|advice|answer|response|reply|warning)$/iu;
