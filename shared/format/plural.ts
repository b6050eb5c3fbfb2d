/**
 * Counts with their noun in the right number: "1 change", "3 changes", "0 lines".
 */

const rulesByLocale = new Map<string, Intl.PluralRules>();

function rulesOf(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/**
 * The noun for a count: `singular` when the language's plural rules call the count "one",
 * else `plural` (the singular with an "s" when not given).
 */
export function pluralNoun(count: number, singular: string, plural = `${singular}s`, locale = 'en'): string {
  return rulesOf(locale).select(count) === 'one' ? singular : plural;
}

/** A count followed by its noun: `countOf(1, 'character')` is "1 character", `countOf(2, 'entry', 'entries')` "2 entries". */
export function countOf(count: number, singular: string, plural = `${singular}s`, locale = 'en'): string {
  return `${count.toLocaleString(locale)} ${pluralNoun(count, singular, plural, locale)}`;
}
