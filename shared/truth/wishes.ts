/**
 * Sentences of a cover letter that state a wish, a plan or what the person looks forward to
 * ("I would welcome the chance to take on line management", "Gerne würde ich mich in PNF
 * weiterbilden", "Piloter la migration serait pour moi une évolution"). Such a sentence claims
 * nothing about the person's record, so the posting's duties and tools may appear in it; only
 * what it says the person already has ("my eight years of Kafka") is still judged.
 *
 * A clause that says what the person has not done yet is read the same way.
 *
 * Found by grammar (modal and conditional forms, verbs of wanting and looking forward), not by
 * the topic of the sentence.
 */

/** Applying, modal, conditional and wanting forms that make a sentence a wish or a plan. */
const WISH_CUES = new RegExp(
  [
    // English: would/'d + a verb, and verbs and adjectives of wanting.
    String.raw`\b(?:would|i'd|we'd)\s+(?:\p{L}+\s+){0,2}(?:like|love|welcome|enjoy|relish|value|appreciate|be|bring|take|apply|contribute|help|grow|learn|develop|build|extend|deepen|lead|work)\b`,
    String.raw`\b(?:look|looking)\s+forward\b`,
    String.raw`\b(?:eager|keen|excited|ready|motivated|hoping|hope|want|wish|aim|plan|aspire|intend)\s+to\b`,
    String.raw`\b(?:the|an|every)\s+(?:opportunity|chance|prospect)\s+(?:to|of)\b`,
    String.raw`\bwhat\s+(?:draws|attracts|appeals\s+to)\s+me\b`,
    String.raw`\bappeals?\s+to\s+me\b`,
    // What the person says they have not done yet claims nothing ("I have not yet worked in a
    // data centre", "je n'ai pas encore piloté", "ich habe noch keine Erfahrung mit PNF").
    String.raw`\b(?:have|has|had)\s+(?:not|never)\s+(?:yet\s+)?(?!only\b)(?:worked|used|led|managed|held|had|done|run|taken|been)\b`,
    String.raw`\b(?:haven't|hasn't|have\s+yet\s+to|not\s+yet|no\s+(?:direct\s+|hands-on\s+|formal\s+|prior\s+)?experience)\b`,
    String.raw`\bn'ai\s+(?:pas|jamais)\s+(?:encore\s+)?(?:eu|travaillé|utilisé|piloté|occupé|exercé|managé|dirigé|été)\b`,
    String.raw`\bpas\s+encore\b`,
    String.raw`\bnoch\s+(?:nicht|keine?[nmrs]?)\b`,
    // Applying names the job it applies for without claiming it.
    String.raw`\b(?:apply|applying|application|candidacy|join|joining)\b`,
    String.raw`\b(?:bewerbe|bewerben|bewerbung|candidature|postule|postuler|rejoindre)\b`,
    String.raw`\binterested\s+in\b`,
    // German: Konjunktiv and verbs of wanting.
    String.raw`\b(?:würde|würden|möchte|möchten|wäre|wären|könnte|könnten)\b`,
    String.raw`\b(?:gerne|gern)\b`,
    String.raw`\bfreue\s+mich\b`,
    String.raw`\b(?:reizt|reizen|interessiert|interessieren)\s+mich\b`,
    String.raw`\b(?:perspektive|möglichkeit|gelegenheit|chance)\b[^.!?]*\bzu\b`,
    // French: conditional mood and verbs of wanting.
    String.raw`\b(?:serais|serait|seraient|aimerais|voudrais|souhaiterais|souhaite|pourrais|pourrait)\b`,
    String.raw`\b(?:envie|hâte|désireux|désireuse)\s+d[e'’]`,
    String.raw`\b(?:motivée?|prête?|impatiente?)\s+(?:à|de|d['’])`,
    String.raw`\b(?:perspective|opportunité|possibilité)\s+d[e'’]`,
  ].join('|'),
  'iu',
);

const normalise = (text: string): string => text.replace(/\u2019/g, "'");

/** Where one clause of a sentence ends and the next begins. */
const CLAUSE_BREAK = /[,;:\u2013\u2014]|\s(?:and|but|while|und|aber|während|et|mais|tandis)\s/giu;

/** A clause that reports the person's record: it opens as one, or says "I" without wanting. */
const RECORD_OPENER =
  /^\s*(?:having|since|as|after|because|given|with|nachdem|seit|da|weil|mit|après|depuis|comme|ayant|avec)\b/iu;
/** An infinitive: "zu arbeiten", "to work with", "de piloter". */
const INFINITIVE = /\b(?:zu\s+\p{L}+n|to\s+\p{L}+|(?:à|de|d')\s*\p{L}+(?:er|ir|re))\b/iu;
const FIRST_PERSON_SUBJECT = /(?:^|\s)(?:(?:i|ich|je)(?=[\s,.;!?]|$)|j'(?=\p{L}))/iu;

/** The clauses of a sentence, split at commas, dashes and joining words; offsets its own. */
function clausesOf(sentence: string): Array<{ start: number; end: number }> {
  const clauses: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    const at = match.index ?? 0;
    clauses.push({ start, end: at });
    start = at + match[0].length;
  }
  clauses.push({ start, end: sentence.length });
  return clauses;
}

/**
 * The clauses of a sentence that state a wish: in a sentence with a wish cue, every clause but
 * those that report the record instead, by opening as one ("Having completed the programme, I
 * am ready to …") or by saying "I" without wanting ("I mentor two assistants, and I would …").
 * A clause holding a cue always wishes ("Piloter la migration vers Playwright serait pour moi
 * une évolution"). Offsets are the sentence's own; [] when the sentence wishes nothing.
 */
export function wishSpans(sentence: string): Array<{ start: number; end: number }> {
  const text = normalise(sentence);
  if (!WISH_CUES.test(text)) return [];
  return clausesOf(text).filter((clause) => {
    const body = text.slice(clause.start, clause.end);
    if (WISH_CUES.test(body)) return true;
    if (FIRST_PERSON_SUBJECT.test(body)) return false;
    // "Mit Terraform zu arbeiten, würde mich reizen": an infinitive clause is what is wished.
    return !RECORD_OPENER.test(body) || INFINITIVE.test(body);
  });
}

/** Verbs of growing what one has, right before a possessive ("deepen my", "élargir mes"). */
const GROWING_BEFORE =
  /\b(?:develop|deepen|extend|broaden|grow|build\s+on|strengthen|expand|improve|widen|weiterentwickeln|vertiefen|erweitern|ausbauen|développer|approfondir|élargir|renforcer)\s*$/iu;

/**
 * Phrases of a sentence that speak of what the person has, led by a first-person possessive
 * ("my eight years of Kafka experience", "meine PNF-Weiterbildung", "mon expérience JMeter"),
 * up to the next punctuation, word of purpose (to, into, for) or clause word; "in" and "with"
 * do not end it ("my experience with Kafka" still claims Kafka). Offsets are the
 * sentence's own.
 */
export function ownedPhrases(sentence: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const owner =
    /\b(?:my|our|mein|meine|meinen|meinem|meiner|meines|unsere?[nmrs]?|mon|ma|mes|notre|nos)\s+/giu;
  for (const match of sentence.matchAll(owner)) {
    // "to develop my skills in AAC" wishes for more, it claims nothing.
    if (GROWING_BEFORE.test(sentence.slice(0, match.index ?? 0))) continue;
    const start = (match.index ?? 0) + match[0].length;
    const rest = sentence.slice(start);
    const stop =
      /[,;:.!?()]|\s(?:to|into|for|and|that|which|zu|um|und|für|à|au|aux|dans|pour|et|que|qui)\s/iu.exec(
        rest,
      );
    spans.push({ start, end: start + (stop ? stop.index : rest.length) });
  }
  return spans;
}
