import { describe, expect, it } from 'vitest';
import { extractQuantities, quantityMatches, type Quantity } from '../../../shared/truth';
import { changeOf } from '../../../shared/truth/detectors';

const one = (text: string): Quantity => {
  const found = extractQuantities(text);
  expect(found, `quantities in "${text}"`).toHaveLength(1);
  return found[0];
};
const same = (a: string, b: string): boolean => quantityMatches(one(a), one(b));

describe('extractQuantities', () => {
  it('reads money in symbol, suffix, separator and word forms as one value', () => {
    expect(one('$1.2M').value).toBe(1_200_000);
    expect(one('$1,200,000').value).toBe(1_200_000);
    expect(one('1.2 million dollars').value).toBe(1_200_000);
    expect(one('USD 1.2M').currency).toBe('USD');
    expect(one('€3k').value).toBe(3000);
  });

  it('reads percentages written with a sign or in words', () => {
    expect(one('40%')).toMatchObject({ kind: 'percent', value: 40 });
    expect(one('40 percent')).toMatchObject({ kind: 'percent', value: 40 });
    expect(one('40 per cent')).toMatchObject({ kind: 'percent', value: 40 });
  });

  it('reads multipliers as digits, symbols, words and -fold forms', () => {
    for (const text of ['3x', '3×', 'tripled', '3-fold', 'threefold', '3 times']) {
      expect(one(text), text).toMatchObject({ kind: 'multiplier', value: 3 });
    }
  });

  it('reads spelled-out counts including compounds and dozens', () => {
    expect(one('five').value).toBe(5);
    expect(one('twenty-five').value).toBe(25);
    expect(one('two hundred').value).toBe(200);
    expect(one('a dozen').value).toBe(12);
    expect(one('half a dozen').value).toBe(6);
  });

  it('does not read the pronoun "one" as a count', () => {
    expect(extractQuantities('one of the engineers')).toHaveLength(0);
    expect(extractQuantities('no one else')).toHaveLength(0);
  });

  it('reads both ends of a range and shares the unit', () => {
    const [low, high] = extractQuantities('10–20%');
    expect(low).toMatchObject({ kind: 'percent', value: 10 });
    expect(high).toMatchObject({ kind: 'percent', value: 20 });
    const [from, to] = extractQuantities('$5-10M');
    expect(from.value).toBe(5_000_000);
    expect(to.value).toBe(10_000_000);
  });

  it('gives the first half of a range the magnitude and currency it shares with the second', () => {
    const [from, to] = extractQuantities('von 18 auf 24,5 Mio. €');
    expect(from).toMatchObject({ kind: 'money', value: 18_000_000, currency: 'EUR' });
    expect(to).toMatchObject({ kind: 'money', value: 24_500_000, currency: 'EUR' });
    expect(extractQuantities('rose from 18 to 24.5 million')[0].value).toBe(18_000_000);
    expect(extractQuantities('from 10 to 12 people')[0].value).toBe(10);
  });

  it('reads the Indian numbering system, "or above" and hyphenated word durations', () => {
    expect(same('₹1.8 crore', '₹18 million')).toBe(true);
    expect(same('₹1.8 crore', '₹1.8 million')).toBe(false);
    expect(one('3 lakh users').value).toBe(300_000);
    expect(same('grade 5 or above', 'grade 5+')).toBe(true);
    expect(same('a one-year preceptorship', 'a 12-month preceptorship')).toBe(true);
    expect(extractQuantities('Bac+5 en RH')).toHaveLength(0);
  });

  it('reads areas and distances in any unit, thousands with full stops, and T€', () => {
    expect(same('roughly 43,000 sq ft', '4,000 m²')).toBe(true);
    expect(same('roughly 50,000 sq ft', '4,000 m²')).toBe(false);
    expect(same('1.200 T€', '1,2 Mio. €')).toBe(true);
    expect(one('2.400.000 Händler').value).toBe(2_400_000);
    expect(same('plus de deux ans', 'more than 2 years')).toBe(true);
    expect(same('de trois jours', '72 heures')).toBe(true);
  });

  it('reads a bare Q2 as a name, not a quarter', () => {
    expect(extractQuantities('the ICH Q2 guideline')).toHaveLength(0);
    expect(one('in Q2')).toMatchObject({ kind: 'date', quarter: 2 });
  });

  it('reads years, month dates, ISO dates and quarters as dates', () => {
    expect(one('2019')).toMatchObject({ kind: 'year', value: 2019 });
    expect(one('March 2020')).toMatchObject({ kind: 'date', value: 2020, month: 3 });
    expect(one('2019-03')).toMatchObject({ kind: 'date', value: 2019, month: 3 });
    expect(one('03/2019')).toMatchObject({ kind: 'date', value: 2019, month: 3 });
    expect(one('Q3 2020')).toMatchObject({ kind: 'date', value: 2020, quarter: 3 });
  });

  it('reads durations in a common unit so 18 months equals 1.5 years', () => {
    expect(same('18 months', '1.5 years')).toBe(true);
    expect(same('90 minutes', '1.5 hours')).toBe(true);
    expect(same('18 months', '18 weeks')).toBe(false);
  });

  it('reads ordinals in digit, mark and word forms', () => {
    expect(same('1st', 'first')).toBe(true);
    expect(same('#1', 'number one')).toBe(true);
    expect(same('2nd', 'third')).toBe(false);
  });

  it('leaves digits inside identifiers alone', () => {
    expect(extractQuantities('AWS EC2, S3 and HTML5, B2B')).toHaveLength(0);
  });

  it('reads a number glued to letters as a label that must stay exactly the same', () => {
    expect(one('3D')).toMatchObject({ kind: 'version', raw: '3D' });
    expect(same('p95', 'p99')).toBe(false);
    expect(same('p99', 'p99')).toBe(true);
  });

  it('reads hedges as qualifiers', () => {
    expect(one('over 40%').qualifier).toBe('more');
    expect(one('nearly 40%').qualifier).toBe('less');
    expect(one('about 40%').qualifier).toBe('approx');
    expect(one('10+ years').qualifier).toBe('more');
  });
});

describe('quantityMatches', () => {
  it('matches faithful rewrites of the same value', () => {
    expect(same('$1.2M', '$1,200,000')).toBe(true);
    expect(same('$1.2M', '1.2 million dollars')).toBe(true);
    expect(same('40%', '40 percent')).toBe(true);
    expect(same('five', '5')).toBe(true);
    expect(same('2 billion', '2B')).toBe(true);
    expect(same('a dozen', '12')).toBe(true);
  });

  it('refuses a different value, magnitude, currency or unit', () => {
    expect(same('$1.5M', '$1.2M')).toBe(false);
    expect(same('$1.2B', '$1.2M')).toBe(false);
    expect(same('£1.2M', '$1.2M')).toBe(false);
    expect(same('40 ms', '40%')).toBe(false);
    expect(same('3x', '3')).toBe(false);
  });

  it('refuses a hedge that strengthens the claim but accepts one that weakens it', () => {
    expect(same('over 40%', '40%')).toBe(false);
    expect(same('40%', 'nearly 40%')).toBe(false);
    expect(same('about 40%', '40%')).toBe(true);
    expect(same('nearly 40%', '40%')).toBe(true);
  });

  it('accepts a year backed by a month date but not a month backed by a year alone', () => {
    expect(same('2019', 'March 2019')).toBe(true);
    expect(same('March 2019', '2019')).toBe(false);
    expect(same('April 2019', 'March 2019')).toBe(false);
  });

  it('reads vague magnitudes as at least their smallest value', () => {
    expect(same('hundreds', '250')).toBe(true);
    expect(same('thousands', '500')).toBe(false);
    expect(same('dozens', 'a dozen')).toBe(false);
  });
});

describe('words that look like quantities but count nothing', () => {
  it('reads "between three and six years" as a range of durations, and "per second" as no rank', () => {
    const durations = (text: string) => extractQuantities(text).map((q) => [q.kind, q.value]);
    expect(durations('zwischen drei und sechs Jahren')).toEqual(durations('von 3 bis 6 Jahren'));
    expect(durations('between three and six years')).toEqual([
      ['duration', 36],
      ['duration', 72],
    ]);
    expect(extractQuantities('3,000 requests per second').map((q) => q.kind)).toEqual(['count']);
  });

  it('reads "second" in a compound and "first" as a word of sequence as no duration or rank', () => {
    const texts = (text: string) => extractQuantities(text).map((quantity) => [quantity.text, quantity.kind]);
    expect(texts('Qualified four second-source suppliers.')).toEqual([
      ['four', 'count'],
      ['second', 'ordinal'],
    ]);
    expect(texts('a four-week-long course')).toEqual([['four-week', 'duration']]);
    expect(texts('I worked there first as an apprentice, then as an electrician.')).toEqual([]);
    expect(texts('Ranked first of 40 bids.')).toEqual([
      ['first', 'ordinal'],
      ['40', 'count'],
    ]);
  });

  it('reads fractions in words as shares, and only where they measure a change or a share', () => {
    expect(one('cut costs by a third')).toMatchObject({ kind: 'percent' });
    expect(same('cut costs by a quarter', 'cut costs by 25%')).toBe(true);
    expect(same('two thirds of sites', '67% of sites')).toBe(true);
    expect(same('um ein Viertel', 'um 25 %')).toBe(true);
    expect(same('drei Viertel der Filialen', '75 % der Filialen')).toBe(true);
    expect(same('les deux tiers des ventes', '67 % des ventes')).toBe(true);
    expect(extractQuantities('reached three quarter-finals').some((q) => q.kind === 'percent')).toBe(false);
    expect(same("d'un quart", 'de 25 %')).toBe(true);
    expect(same('la moitié des postes', '50 % des postes')).toBe(true);
    expect(same('cut costs by a third', 'cut costs by 30%')).toBe(false);
    expect(one('opened a third site')).toMatchObject({ kind: 'ordinal', value: 3 });
    expect(same('halved the backlog', 'cut the backlog by 50%')).toBe(true);
    expect(same('doubled sign-ups', 'grew sign-ups by 100%')).toBe(true);
    expect(same('doubled sign-ups', 'grew sign-ups by 50%')).toBe(false);
  });

  it('reads round counts, magnitudes and currencies of French and German CVs', () => {
    expect(one('une trentaine de clients')).toMatchObject({ kind: 'count', value: 30, qualifier: 'approx' });
    expect(one('ein Dutzend Kurse')).toMatchObject({ kind: 'count', value: 12 });
    expect(same('2,5 millions d’euros', '2,5 M€')).toBe(true);
    expect(same('3 millions de dollars', '$3M')).toBe(true);
    expect(same('2,5 M€', '2,5 M$')).toBe(false);
  });

  it('reads the change between two figures of the source as restating them', () => {
    const source = extractQuantities('Reduced changeover from 45 to 30 minutes and scrap from 8% to 5%.');
    expect(changeOf(one('by a third'), source)).toBe(true);
    expect(changeOf(one('by 33%'), source)).toBe(true);
    expect(changeOf(one('by 15 minutes'), source)).toBe(true);
    expect(changeOf(one('by 3 percentage points'), source)).toBe(true);
    expect(changeOf(one('by 40%'), source)).toBe(false);
    expect(changeOf(one('by 20 minutes'), source)).toBe(false);
    expect(changeOf(one('doubled'), extractQuantities('Grew revenue from £1m to £2m.'))).toBe(true);
    expect(changeOf(one('tripled'), extractQuantities('Grew revenue from £1m to £2m.'))).toBe(false);
  });
});
