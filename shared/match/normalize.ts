/**
 * Text normalisation for matching: tokens that keep "C++", "C#", ".NET" and "Node.js" intact,
 * case and accent folding, and a light stemmer so plurals and word forms meet.
 *
 * The same functions run on postings, CVs and the skills dictionary, so whatever they do to a
 * word they do to it everywhere; consistency matters more here than linguistic accuracy.
 */

/** One word of a text with its position and its matching forms. */
export interface Token {
  /** The word as written (punctuation that belongs to it, like "C++" or ".NET", included). */
  raw: string;
  /** Lower case, accents removed, possessive "'s" dropped. */
  norm: string;
  /** `norm` reduced by the light stemmer (plurals, -ing, -ed, -ment, -ation, …). */
  stem: string;
  /** Offset of the first character in the source text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** True when punctuation (",", ";", ".", "(", …) or a line break separates it from the token before. */
  breakBefore?: boolean;
}

// Letters or digits, joined by "." "&" "'" "-" "/" inside a word, optionally led by a dot
// (".NET") and closed by "+" or "#" ("C++", "C#"). Hyphen and slash joins are split again below.
const WORD_PATTERN = /\.?[\p{L}\p{N}]+(?:[.&'’\-/][\p{L}\p{N}]+)*[+#]*/gu;
const ASCII_WORD = /^[a-z]+$/;

/** Folds case and accents, so "Données" and "donnees" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
}

function normalizeWord(raw: string): string {
  let norm = fold(raw);
  if (norm.endsWith("'s")) norm = norm.slice(0, -2);
  else if (norm.endsWith("s'")) norm = norm.slice(0, -1);
  // A leading dot only matters before letters (".NET"), not before numbers (".5").
  if (norm.startsWith('.') && !/^\.[a-z]/.test(norm)) norm = norm.slice(1);
  return norm;
}

const STEP_TWO: ReadonlyArray<readonly [string, string]> = [
  ['izations', 'ize'],
  ['isations', 'ize'],
  ['ization', 'ize'],
  ['isation', 'ize'],
  ['ational', 'ate'],
  ['ation', 'ate'],
  ['ments', ''],
  ['ment', ''],
  ['ness', ''],
  ['ing', ''],
  ['ive', ''],
  ['ise', 'ize'],
  ['ed', ''],
  ['ly', ''],
];

/** English irregular past forms of the verbs CVs use, to their base ("wrote" meets "writing"). */
const IRREGULAR_PAST: ReadonlyMap<string, string> = new Map(
  (
    'wrote:write written:write led:lead ran:run built:build taught:teach made:make drove:drive driven:drive ' +
    'grew:grow grown:grow won:win brought:bring bought:buy sold:sell held:hold kept:keep began:begin ' +
    'begun:begin spoke:speak spoken:speak gave:give given:give took:take taken:take met:meet sent:send ' +
    'spent:spend understood:understand oversaw:oversee overseen:oversee undertook:undertake undertaken:undertake ' +
    'chose:choose chosen:choose drew:draw drawn:draw fed:feed found:find saw:see seen:see told:tell thought:think ' +
    'rebuilt:rebuild rewrote:rewrite rewritten:rewrite broke:break broken:break'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * Reduces an English word to a crude stem ("nurses" → "nurs", "managing" → "manag").
 *
 * Only plain lower-case ASCII words longer than three letters are touched, so "C++", "aws",
 * "node.js" and words in other scripts pass through unchanged.
 */
export function stem(word: string): string {
  const irregular = IRREGULAR_PAST.get(word);
  if (irregular) return stem(irregular);
  if (word.length <= 3 || !ASCII_WORD.test(word)) return word;
  let result = word;
  if (result.endsWith('ies') && result.length > 4) result = `${result.slice(0, -3)}y`;
  else if (result.endsWith('sses')) result = result.slice(0, -2);
  else if (/(?:x|ch|sh)es$/.test(result)) result = result.slice(0, -2);
  else if (result.endsWith('s') && !/(?:ss|us|is|as)$/.test(result)) result = result.slice(0, -1);

  for (const [suffix, replacement] of STEP_TWO) {
    if (result.endsWith(suffix) && result.length - suffix.length >= 3) {
      result = result.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  if (result.endsWith('er') && result.length >= 7) result = result.slice(0, -2);
  if (result.endsWith('e') && result.length > 4) result = result.slice(0, -1);
  if (/([b-df-hj-km-np-rtv-y])\1$/.test(result) && result.length > 4) result = result.slice(0, -1);
  return result;
}

const PHRASE_BREAK = /[,;:.!?()[\]{}|•·\n]/;

function pushToken(tokens: Token[], text: string, raw: string, start: number): void {
  const norm = normalizeWord(raw);
  if (!norm) return;
  const previous = tokens[tokens.length - 1];
  const breakBefore = previous !== undefined && PHRASE_BREAK.test(text.slice(previous.end, start));
  tokens.push({ raw, norm, stem: stem(norm), start, end: start + raw.length, breakBefore });
}

/**
 * Splits text into tokens.
 *
 * Hyphens and slashes separate words ("cross-functional", "CI/CD") except next to a single
 * character, where they are part of the name ("C-suite", "A/B", "T-SQL", "e-commerce").
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const chunk = match[0];
    const base = match.index ?? 0;
    if (!/[-/]/.test(chunk)) {
      pushToken(tokens, text, chunk, base);
      continue;
    }
    const parts: Array<{ text: string; start: number }> = [];
    let offset = 0;
    for (const piece of chunk.split(/([-/])/)) {
      if (piece === '-' || piece === '/') {
        offset += 1;
        continue;
      }
      parts.push({ text: piece, start: offset });
      offset += piece.length;
    }
    let current = parts[0];
    for (let index = 1; index < parts.length; index += 1) {
      const next = parts[index];
      const isShort = (value: string) => value.replace(/[+#.]/g, '').length <= 1;
      if (isShort(current.text.split(/[-/]/).pop() ?? '') || isShort(next.text)) {
        current = { text: chunk.slice(current.start, next.start + next.text.length), start: current.start };
      } else {
        pushToken(tokens, text, current.text, base + current.start);
        current = next;
      }
    }
    pushToken(tokens, text, current.text, base + current.start);
  }
  return tokens;
}

/** Function words of English, German, French and Spanish: never evidence of anything. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or nor but of in on at to for from by with without within into onto over under about as is are was were be been ' +
    'being am do does did doing have has had having will would shall should can could may might must this that these those it its ' +
    'we our us you your yours he she they them their his her i me my who whom whose which what when where why how all any both each ' +
    'few more most other some such no not only own same so than too very just also well via per etc e.g i.e eg ie incl ' +
    'including include includes if then there here out up down off again further once while during before after above below ' +
    'between through across against among upon one two three four five six seven eight nine ten plus within like using use ' +
    'der die das den dem des ein eine einer eines einem einen und oder mit fur von zu im in auf als bei sowie sie du ihr ihre ' +
    'ihren ihrem ihrer dein deine deinen wir uns unser unsere ist sind hast hat haben wird werden sein kein keine nicht auch ' +
    'gute guter gutes gute sehr idealerweise wunschenswert von vorteil ' +
    'le la les un une des du de et ou avec pour par dans sur au aux en est sont vous votre vos nous notre nos ce cette ces ' +
    'qui que quoi dont tres bonne bon bonnes bons une plus ' +
    'el los las unos unas del y o u con para por en sobre al es son tu tus su sus nuestro nuestra nuestros se que muy buen ' +
    'buena buenos buenas como'
  ).split(/\s+/),
);

/**
 * Words that say how a requirement is phrased rather than what it asks for ("strong",
 * "experience", "ability"); ignored when comparing a requirement's content with a CV.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'experience experienced year years yr yrs strong solid good great excellent deep proven demonstrated ' +
    'knowledge understanding familiarity familiar proficiency proficient skill skills skilled ability able ' +
    'expertise expert hands on hands-on track record background working work professional required requirement ' +
    'requirements preferred prefer plus bonus nice ideally ideal must need needs needed essential desirable desired ' +
    'minimum least relevant related equivalent similar field area practical comfortable capable competence competent ' +
    'qualification qualifications certificate certificates certification certifications certified advantage advantageous ' +
    'beneficial appreciated welcome asset candidate candidates ' +
    'role position team teams company environment level new someone person people mindset attitude ' +
    'tool tools tooling concept concepts technology technologies framework frameworks library libraries platform ' +
    'platforms solution solutions method methods methodology practice practices principle principles approach ' +
    'approaches grasp track record demonstrable exposure thorough sound command fluent fluency advanced basic ' +
    'various variety multiple wide range broad similar etc other others plus way ways thing things ' +
    'erfahrung erfahrungen kenntnisse kenntnis fundierte fundiert jahre jahren mehrjahrige mehrere sicher sichere sicheren ' +
    'ausgepragte gut fahigkeit bereitschaft abgeschlossenes abgeschlossene ' +
    'experience connaissance connaissances maitrise bonne solide ans annee annees capacite competence competences ' +
    'souhaite souhaitee requis requise atout ' +
    'experiencia conocimiento conocimientos dominio anos ano capacidad valorara valorable deseable imprescindible ' +
    'requisito requisitos minimo'
  )
    .split(/\s+/)
    .map((word) => stem(word)),
);

/** Content stems of a text: tokens that are neither function words nor phrasing words. */
export function contentStems(tokens: readonly Token[]): string[] {
  const result: string[] = [];
  for (const token of tokens) {
    if (STOP_WORDS.has(token.norm) || GENERIC_WORDS.has(token.stem)) continue;
    if (/^[\d.+#-]+$/.test(token.norm)) continue;
    if (token.norm.length < 2 && !/[+#]/.test(token.norm)) continue;
    result.push(token.stem);
  }
  return result;
}

const ABBREVIATIONS =
  /(?:\b(?:e\.g|i\.e|etc|incl|approx|vs|min|max|z\.b|bzw|ca|inkl|p\.ex|ex|sr|jr|dr|mr|ms|mrs|no|nr|st|resp|usw|ggf|evtl|u\.a|d\.h|cf)\.)$/i;

/**
 * Splits prose into sentences at ".", "!", "?" followed by a space and a capital, digit or
 * bullet, without breaking "e.g. Python", "Node.js" or "3.5".
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const pattern = /[.!?]+(?=\s+["'(\p{Lu}\p{N}•*-]|\s*$)/gu;
  for (const match of text.matchAll(pattern)) {
    const end = (match.index ?? 0) + match[0].length;
    const candidate = text.slice(start, end);
    if (match[0] === '.' && ABBREVIATIONS.test(candidate.trimEnd())) continue;
    const sentence = candidate.trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
