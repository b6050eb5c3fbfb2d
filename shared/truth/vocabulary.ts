/**
 * The closed word classes grounding needs: words that state no fact (function and style words),
 * the scope ladder, and the strict words that only their own stem can ground. Everything else a
 * rewrite says is a content word and must be grounded in the source CV.
 */

import stopwordsIso from 'stopwords-iso/stopwords-iso.json';
import { extractQuantities } from './quantities';
import { germanRoots, stemOf, type GroundingLanguage } from './lexical';

const words = (text: string): Set<string> => new Set(text.split(/\s+/).filter(Boolean));

/**
 * Function words of English, German, French and Spanish: articles, pronouns, prepositions,
 * conjunctions, auxiliaries and modals, common adverbs of degree, time and place, and prefixes
 * a hyphen binds to a word ("multi-site", "non-clinical").
 */
const CURATED_FUNCTION_WORDS = words(`
multi non semi inter intra anti
basis grundlage rahmen zuvor innerhalb bisher compte compter totalise pro je
a an the this that these those there here it its it's itself i me my mine myself we us our ours
ourselves you your yours yourself yourselves he him his she her hers they them their theirs who
whom whose which what whatever whichever whoever where when why how whether
and or but nor yet so either neither both not no only also too as than then thus hence therefore
because since while whilst although though unless until till if once whereas whereby wherein
of in on at by for with without within into onto upon from to toward towards via per across
through throughout over under above below between among amongst around about against along
alongside beside besides beyond during after before behind inside outside near off out up down
among despite except plus including included incl such like covering spanning involving
regarding concerning
be am is are was were been being have has had having do does did done doing
will would shall should can could may might must ought
very really quite rather just even still already always often sometimes usually ever never
more most less least much many any some each every all own other others another same
else etc e.g. e.g eg i.e. i.e ie vs versus way ways well back further
one's oneself s t d ll re ve m demi demie
der die das den dem des ein eine einen einem einer eines und oder aber sowie sondern denn doch
nicht kein keine keinen keinem keiner ich mich mir mein meine meinen meinem meiner wir uns unser
unsere unseren unserem sie ihr ihre ihren ihrem ihrer ihnen er es sein seine seinen seinem
seiner dies diese dieser dieses diesem diesen jener welche welcher welches zu zur zum im in am an
auf aus bei mit nach von vom vor für über unter durch um gegen ohne bis seit während zwischen
als wie wenn dass ob weil da damit sodass so auch noch nur schon sehr mehr viel viele alle
jede jeder jedes jeden jedem ist sind war waren bin bist sein wurde wurden werden wird worden
habe hat haben hatte hatten kann können konnte konnten soll sollte muss müssen darf dabei
dazu hierbei sowohl jeweils insbesondere bzw usw z.b etwa rund ca sich selbst man hier dort
le la les l' un une des du de d' et ou mais donc car ni que qui quoi dont où ce cet cette ces
je j' me m' moi mon ma mes nous notre nos vous votre vos il elle ils elles lui leur leurs se s'
son sa ses y en à au aux dans par pour sur sous avec sans chez vers entre pendant depuis avant
après contre selon lors afin ainsi comme quand si ne n' pas plus moins très bien aussi déjà
encore tout tous toute toutes chaque même autre autres est sont était étaient été être ai as a
avons avez ont avait avaient fait faire peut peuvent pouvoir dois doit c' qu' notamment dont
tant lequel laquelle lesquels auprès parmi
el los las lo un una unos unas y o pero ni que quien cual cuyo donde cuando como si no más menos
muy ya también de del a al en con sin por para sobre entre desde hasta durante tras mi mis tu
tus su sus nuestro nuestra nuestros nuestras yo nosotros es son era fue fueron ser estar está
están ha han había he hemos se le les este esta estos estas ese esa
`);

/**
 * Style words: tone, emphasis and connective phrasing that a rewrite may add without stating a
 * fact about the person ("successfully", "key", "resulting in"). Deliberately short: a word that
 * could carry a claim (expert, award-winning, sole) is not here.
 */
export const STYLE_WORDS = words(`
derzeit aktuell aktuelle aktuellen parallel hiermit jeweils durchgängig stets zudem ebenfalls
insbesondere zuletzt seitdem anschließend eng enge enger engen neu neue neuen neuer neues stark
starke starken regelmäßig
actuellement actuel actuelle auparavant précédemment parallèlement ensuite désormais notamment
correspondant correspondante correspondants correspondantes nouveau nouvelle nouveaux nouvelles
fort forte forts fortes régulièrement étroite étroitement
company firm employer organisation organization entreprise société unternehmen firma
holder titulaire inhaber inhaberin
successfully effectively efficiently actively closely directly consistently proactively
continuously regularly reliably carefully thoroughly smoothly seamlessly quickly rapidly
significantly substantially considerably notably measurably meaningfully strongly highly
key core critical important essential central various diverse multiple several numerous range
wide broad variety array number overall overarching end-to-end day-to-day hands-on ongoing
resulting result results resulted thereby helping enabling allowing ensuring
let lets letting enable enables enabled allow allows allowed in-house
using use used uses leveraging leverage leveraged utilising utilizing utilise utilize utilised
utilized applying applied employ employed drawing draw
experience experienced experiences background track record proven strong solid demonstrated
skilled adept versed proficient proficiency knowledge understanding focus focused focusing
focussed passionate dedicated motivated committed driven results-driven detail-oriented
professional professionals specialising specializing specialised specialized specialist
capable able ability abilities bring bringing brings contribute deliver delivering delivered
delivery accomplished comprehensive extensive
approach approaches area areas field fields domain domains aspect aspects part parts kind type
types set new together jointly alongside partnership recently currently previously formerly
latest current prior earlier later today now team teams spent earn earned earning receive received gain gained
get got obtain obtained making made take took taken worth valued
eingesetzt einsetzen nutzung genutzt erfolgreich effektiv effizient zuverlässig wesentlich
zentrale zentral wichtige wichtig verschiedene vielfältige umfangreiche umfassende fundierte
langjährige langjähriger erfahrung erfahrungen kenntnisse schwerpunkt bereich bereichen
erfolgreiche erfolgreichen souverän sicher
efficacement efficace avec succès réussi réussie solide solides différents différentes
diverses divers plusieurs clé clés essentiel essentielle expérience expériences compétences
connaissances domaine domaines cadre sein afin notamment grâce permettant assurant
exitosamente eficazmente diversos varios experiencia conocimientos ámbito
engagiert engagierte engagierter motiviert motivierte motivierter routiniert routinierte
routinierter sorgfältig sorgfältige gewissenhaft gewissenhafte strukturiert strukturierte
strukturierter zielorientiert zielorientierte lösungsorientiert lösungsorientierte belastbar
rigoureux rigoureuse rigoureuses motivé motivée dynamique dynamiques impliqué impliquée investi
investie passionné passionnée dévoué dévouée méthodique polyvalent polyvalente
motivado motivada comprometido comprometida riguroso rigurosa dinámico dinámica
`);

/**
 * The scope ladder: how much ownership a verb or role claims. A rewrite may keep or lower the
 * highest rung its source states, never raise it. Keys are stems' surface forms as written; the
 * lookup folds inflections (led, leading, leads → lead).
 */
export const SCOPE_LADDER: ReadonlyArray<{ level: number; words: string[] }> = [
  {
    level: 1,
    words: [
      'contribute',
      'contributed',
      'contributing',
      'contribution',
      'contributor',
      'support',
      'supported',
      'supporting',
      'assist',
      'assisted',
      'assisting',
      'assistance',
      'participate',
      'participated',
      'participating',
      'participation',
      'collaborate',
      'collaborated',
      'collaborating',
      'collaboration',
      'unterstützt',
      'unterstützte',
      'unterstützung',
      'mitgewirkt',
      'mitarbeit',
      'mitwirkung',
      'beteiligt',
      'contribué',
      'contribution',
      'participé',
      'soutenu',
      'assisté',
      'participation',
      'collaboré',
      // Accompanying someone's work supports it: "begleitete die Abnahme", "accompagne 65 exploitations".
      'begleitet',
      'begleitete',
      'begleitung',
      'accompagné',
      'accompagnement',
    ],
  },
  {
    level: 2,
    words: [
      'help',
      'helped',
      'helping',
      'coordinate',
      'coordinated',
      'coordinating',
      'coordination',
      'coordinator',
      'facilitate',
      'facilitated',
      'facilitating',
      'organise',
      'organised',
      'organize',
      'organized',
      'organising',
      'organizing',
      'koordiniert',
      'koordinierte',
      'koordination',
      'geholfen',
      'half',
      'organisiert',
      'coordonné',
      'coordination',
      'aidé',
      'organisé',
      'animé',
    ],
  },
  {
    level: 3,
    words: [
      'lead',
      'led',
      'leading',
      'leads',
      'leader',
      'leadership',
      'mentor',
      'mentored',
      'mentoring',
      'mentorship',
      'coach',
      'coached',
      'coaching',
      'guide',
      'guided',
      'guiding',
      'spearhead',
      'spearheaded',
      'spearheading',
      'champion',
      'championed',
      'steer',
      'steered',
      'steering',
      'chair',
      'chaired',
      'chairing',
      'directed',
      'directing',
      'geleitet',
      'leitete',
      'leitet',
      'leitung',
      'führte',
      'geführt',
      'führung',
      'betreut',
      'betreute',
      'angeleitet',
      'dirigé',
      'dirigée',
      'direction',
      'tête',
      'mené',
      'menée',
      'piloté',
      'pilotée',
      'pilotage',
      'encadré',
      'encadrée',
      'encadrement',
      'animé',
      'conduit',
      'mentorat',
      'tutorat',
    ],
  },
  {
    level: 4,
    words: [
      'manage',
      'managed',
      'run',
      'runs',
      'ran',
      'running',
      'manages',
      'managing',
      'management',
      'manager',
      'head',
      'headed',
      'heading',
      'heads',
      'own',
      'owns',
      'owning',
      'owned',
      'owning',
      'owner',
      'ownership',
      'directed',
      'directing',
      'director',
      'oversee',
      'oversaw',
      'overseen',
      'overseeing',
      'oversight',
      'supervise',
      'supervised',
      'supervising',
      'supervision',
      'supervisor',
      'accountable',
      'accountability',
      'responsible',
      'responsibility',
      'command',
      'commanded',
      'verantwortet',
      'verantwortete',
      'verantwortlich',
      'verantwortung',
      'leiter',
      'leiterin',
      'managte',
      'gemanagt',
      'beaufsichtigt',
      'géré',
      'gérée',
      'gestion',
      'gérant',
      'responsable',
      'responsabilité',
      'supervisé',
      'supervision',
      'directeur',
      'directrice',
    ],
  },
];

/**
 * Words that claim an achievement, a credential or a level: only the same word (any inflection)
 * in the source grounds them, never a synonym ("reached the final" does not back "won").
 */
export const STRICT_WORDS = words(`
win won wins winning winner winners award awarded awards award-winning prize prizes finalist
champion first best top record records ranked rank outperformed exceeded beat beating
certified certificate certification certifications certify accredited accreditation licensed
licence license chartered qualified qualification registered fellow
expert experts expertise fluent fluently fluency native bilingual proficient advanced
intermediate beginner basic mother tongue
promoted promotion patent patents patented published publication keynote
sole solely single-handedly independently alone entire entirely whole
gewonnen gewann preis auszeichnung ausgezeichnet zertifiziert zertifikat zertifizierung
fließend muttersprache verhandlungssicher gut gute guter gutes guten grundkenntnisse
gagné lauréat prix récompensé récompensée récompense distingué distinguée étoile étoilé certifié certifiée certification diplômé diplômée courant couramment
bilingue langue maternelle bon bonne bons bonnes notions
bueno buena buenos buenas nativo nativa
`);

/** How often: frequency words and the period each names. */
const FREQUENCIES: Record<string, string> = Object.fromEntries(
  (
    [
      ['hour', 'hourly stündlich'],
      [
        'day',
        'daily nightly täglich tägliche täglichen täglicher quotidien quotidienne quotidiens quotidiennes',
      ],
      ['week', 'weekly wöchentlich wöchentliche wöchentlichen hebdomadaire hebdomadaires'],
      ['fortnight', 'fortnightly biweekly zweiwöchentlich'],
      ['month', 'monthly monatlich monatliche monatlichen mensuel mensuelle mensuels mensuelles'],
      [
        'quarter',
        'quarterly quartalsweise vierteljährlich vierteljährliche trimestriel trimestrielle trimestriels trimestrielles',
      ],
      [
        'year',
        'yearly annually annual jährlich jährliche jährlichen annuel annuelle annuels annuelles annuellement',
      ],
    ] as const
  ).flatMap(([period, list]) => list.split(' ').map((word) => [word, period])),
);

/** Units of time after "per", "a", "each", "pro", "par", "chaque" that state a frequency. */
const PERIOD_UNITS: Record<string, string> = Object.fromEntries(
  (
    [
      ['hour', 'hour hours stunde heure'],
      ['day', 'day days night shift tag jour'],
      ['week', 'week weeks woche semaine'],
      ['fortnight', 'fortnight'],
      ['month', 'month months monat mois'],
      ['quarter', 'quarter quarters quartal trimestre'],
      ['year', 'year years annum jahr an année'],
    ] as const
  ).flatMap(([period, list]) => list.split(' ').map((word) => [word, period])),
);
const PER_WORDS = new Set('per a an each every pro je jeden jede jedes par chaque'.split(' '));

/** The period a frequency word names ("weekly" → week), or undefined. */
export function frequencyOf(word: string): string | undefined {
  const key = word.toLowerCase();
  // A German adjective in any ending ("monatlicher", "wöchentliches").
  return (
    FREQUENCIES[key] ??
    (/lich(?:e|en|er|es|em)$/.test(key) ? FREQUENCIES[key.replace(/(?:e|en|er|es|em)$/, '')] : undefined)
  );
}

/**
 * The periods a text states a frequency for: frequency words ("weekly", "quotidien") and a
 * unit of time after "per", "a", "each", "pro", "par" ("300 units per hour", "twice a week").
 */
export function periodsIn(text: string): Set<string> {
  const periods = new Set<string>();
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  words.forEach((word, index) => {
    const frequency = frequencyOf(word);
    if (frequency) periods.add(frequency);
    const unit = PERIOD_UNITS[word];
    if (unit && index > 0 && PER_WORDS.has(words[index - 1])) periods.add(unit);
  });
  return periods;
}

const ladderByStem = new Map<GroundingLanguage, Map<string, number>>();

/** The ladder keyed by the stems (and German roots) of its words in one language. */
function stemLadder(language: GroundingLanguage): Map<string, number> {
  let ladder = ladderByStem.get(language);
  if (!ladder) {
    ladder = new Map();
    for (const rung of SCOPE_LADDER)
      for (const word of rung.words)
        for (const key of ladderKeys(word, language, true))
          ladder.set(key, Math.max(ladder.get(key) ?? 0, rung.level));
    ladderByStem.set(language, ladder);
  }
  return ladder;
}

function ladderKeys(word: string, language: GroundingLanguage, listed = false): string[] {
  const folded = word.toLowerCase();
  if (language !== 'de') return [stemOf(folded, language)];
  // A listed role noun ("Leiter", "Leiterin") keeps its rung to itself: its root is the verb's
  // ("leite", "Leitung"), a rung lower.
  if (listed && /[^e]er(in)?$/.test(folded)) return [folded];
  const roots = germanRoots(folded);
  // A participle with a separable prefix is its own verb: "durchgeführt" (carried out) is no
  // "geführt" (led), as "Durchführung" is no "Führung".
  const prefixed = !listed && /^(?:durch|aus|ein|ab|an|auf|um|nach|vor|zurück|weiter|mit)ge/.test(folded);
  return [
    stemOf(folded, language),
    ...(prefixed ? roots.filter((root) => folded.startsWith(root.slice(0, 3))) : roots),
  ];
}

/**
 * A rung of the ladder for one word (folded to lower case), or 0 when the word is not on it.
 * English forms are listed; in German, French and Spanish any inflection of a listed word
 * counts ("gère" as "géré", "leiten" as "leitete").
 */
export function ladderLevel(word: string, language: GroundingLanguage = 'en'): number {
  const key = word.toLowerCase();
  for (const rung of SCOPE_LADDER) if (rung.words.includes(key)) return rung.level;
  if (language === 'en' || key.length < 4) return 0;
  const ladder = stemLadder(language);
  return Math.max(0, ...ladderKeys(key, language).map((stem) => ladder.get(stem) ?? 0));
}

/** Words after a ladder verb that make it causal, not a claim of scope ("led to", "resulting"). */
export const CAUSAL_AFTER = words('to zu à');

/** Words of cover letters that speak of the application, not of the person's past. */
export const LETTER_WORDS = words(`
dear hello hi sincerely regards kind best wishes faithfully respectfully yours thank thanks
apply applying application applications opportunity opportunities position role vacancy opening
post job posting advert advertisement excited exciting eager keen delighted pleased happy glad
interested interest interests hope hoping look looking forward welcome chance discuss discussing
conversation interview consideration considering consider attached enclosed resume cv hiring skills
join joining contribute contributing company organisation organization team mission values
believe confident sure motivation motivated enthusiasm enthusiastic appeal appeals appealing
attracted drawn impressed admire match matches fit fits suited suitable ideal time reading
bewerbung bewerbe bewerben stelle position freue freuen gespräch interesse gerne herzlichen
grüßen grüße mit freundlichen sehr geehrte geehrter damen herren lebenslauf kenntnisse
candidature postuler poste madame monsieur salutations cordialement sincères distinguées
entretien intérêt motivation rejoindre équipe adresse adresser heureux heureuse ravi ravie bref disposition
souhaite souhaiterais envie apporter mettre profit volontiers
einbringen bringe gern
career path background journey ausschreibung stellenanzeige anzeige laufbahn werdegang karriere
annonce offre parcours carrière
`);

/** Second-person words: a sentence that holds one speaks of the employer. */
export const SECOND_PERSON = words('you your yours sie ihr ihre ihnen ihrem ihren vous votre vos');

/** First-person words: a sentence that holds one speaks of the person. */
export const FIRST_PERSON = words("i my me mine ich mein meine meinen meiner mir je j' mon ma mes moi");

/**
 * Function words of German, French and Spanish from the stopwords-iso lists, less the words
 * that can carry a fact on a CV: numbers, scope-ladder words and strict words.
 */
const LISTED_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (['de', 'fr', 'es'] as const)
    .flatMap((language) => stopwordsIso[language] ?? [])
    .map((word) => word.toLowerCase())
    .filter(
      (word) =>
        /^\p{L}[\p{L}'-]*$/u.test(word) &&
        !STRICT_WORDS.has(word) &&
        ladderLevel(word) === 0 &&
        extractQuantities(word).length === 0,
    ),
);
/**
 * Phrases that only connect, whose words alone would look like content ("au cours de" is
 * "during", not a course): their words need no source.
 */
export const FUNCTION_PHRASES: readonly string[][] = [
  'in the course of',
  'as part of',
  'in line with',
  'by means of',
  'in terms of',
  'with a view to',
  'au cours de',
  'au cours du',
  'au cours des',
  'tout au long de',
  'tout au long du',
  'au sein de',
  'au sein du',
  'au sein des',
  "à l'aide de",
  "à l'aide d'",
  'à partir de',
  'à partir du',
  'en vue de',
  'en tant que',
  'dans le cadre de',
  'dans le cadre du',
  'dans le cadre des',
  'grâce à',
  'im rahmen',
  'im laufe',
  'im zuge',
  'mit hilfe',
  'in form',
  'im hinblick auf',
  'im bereich',
  // Working with the people a fact already names: "in close consultation with the kitchen".
  'in close consultation with',
  'in consultation with',
  'in enger absprache',
  'in absprache mit',
  'in enger abstimmung',
  'in abstimmung mit',
  'en concertation avec',
  'à raison de',
  "à raison d'",
  'pour le compte de',
  'pour le compte du',
  "pour le compte d'",
  'en lien avec',
  'en étroite collaboration avec',
].map((phrase) => phrase.split(/\s+/));

/** Every function word grounding lets through without a source. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...CURATED_FUNCTION_WORDS,
  ...LISTED_FUNCTION_WORDS,
]);
