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

  it('reads German number words of any size written as one word', () => {
    expect(one('vierzehn').value).toBe(14);
    expect(one('sechzehn').value).toBe(16);
    expect(one('dreißig').value).toBe(30);
    expect(one('vierzig').value).toBe(40);
    expect(one('fünfundzwanzig').value).toBe(25);
    expect(one('zweihundertfünfzig').value).toBe(250);
    expect(one('hundert').value).toBe(100);
    expect(one('dreitausendvierhundert').value).toBe(3400);
    expect(same('vierzig Anrufe', '40 Anrufe')).toBe(true);
    expect(same('vierzig Anrufe', '14 Anrufe')).toBe(false);
    expect(extractQuantities('Tausende Kunden').some((q) => q.kind === 'count')).toBe(false);
  });

  it('reads German adjectives that open with a number', () => {
    expect(one('ein achtköpfiges Team')).toMatchObject({ kind: 'count', value: 8 });
    expect(same('eine dreimonatige Schulung', 'eine 3-monatige Schulung')).toBe(true);
    expect(same('eine dreimonatige Schulung', '6 Monate')).toBe(false);
  });

  it('reads French compounds with hyphens, "et", hundreds and thousands', () => {
    expect(one('soixante').value).toBe(60);
    expect(one('dix-sept').value).toBe(17);
    expect(one('seize').value).toBe(16);
    expect(one('quatre-vingts').value).toBe(80);
    expect(one('quatre-vingt-dix').value).toBe(90);
    expect(one('soixante-dix-sept').value).toBe(77);
    expect(one('vingt et un').value).toBe(21);
    expect(one('deux cents').value).toBe(200);
    expect(one('mille deux cents').value).toBe(1200);
    expect(same('quatre-vingt-dix clients', '90 clients')).toBe(true);
    expect(same('quatre-vingt-dix clients', '80 clients')).toBe(false);
  });

  it('reads an ambiguous French word as a number only where it counts something', () => {
    expect(extractQuantities('un bâtiment neuf de bureaux')).toHaveLength(0);
    expect(one('neuf techniciens').value).toBe(9);
    expect(one('sept ans')).toMatchObject({ kind: 'duration', value: 84 });
    expect(one('Sept. 2019')).toMatchObject({ kind: 'date', month: 9 });
    expect(one('25 pour cent')).toMatchObject({ kind: 'percent', value: 25 });
    expect(extractQuantities('vingt et un agents').map((q) => q.value)).toEqual([21]);
  });

  it('reads Spanish compounds with "y", hundreds and thousands', () => {
    expect(one('veinticinco').value).toBe(25);
    expect(one('treinta y cinco').value).toBe(35);
    expect(one('doscientos').value).toBe(200);
    expect(one('mil quinientos').value).toBe(1500);
    expect(same('treinta y cinco personas', '35 personas')).toBe(true);
    expect(same('treinta y ocho personas', '35 personas')).toBe(false);
    expect(extractQuantities('once a week')).toHaveLength(0);
  });

  it('reads digits grouped in threes by spaces as one figure', () => {
    expect(one('2 400 000 €')).toMatchObject({ kind: 'money', value: 2_400_000 });
    expect(one('2\u00A0400\u00A0000 €').value).toBe(2_400_000);
    expect(one('2\u202F400\u202F000 €').value).toBe(2_400_000);
    expect(same('2 400 000 €', '2,4 M€')).toBe(true);
    expect(same('2 800 000 €', '2,4 M€')).toBe(false);
    expect(extractQuantities('in 2019 12 clients').map((q) => q.value)).toEqual([2019, 12]);
    expect(extractQuantities('en 2019 120 clients').map((q) => q.value)).toEqual([2019, 120]);
  });

  it('reads a magnitude after a space and before the currency', () => {
    for (const text of ['450 k€', '450 K€', '0,45 M€', '450 T€', '450 TEUR'])
      expect(same(text, '450 000 €'), text).toBe(true);
    expect(same('540 k€', '450 000 €')).toBe(false);
    expect(same('2,4 Mio. Euro', '2,4 Mio. €')).toBe(true);
    expect(one('2,4 Mio. Euro').text).toBe('2,4 Mio. Euro');
    expect(same('2,8 Mio. Euro', '2,4 Mio. €')).toBe(false);
  });

  it('lets a round lower bound stand for a figure above it', () => {
    expect(same('over a thousand customers', '1,200 customers')).toBe(true);
    expect(same('über tausend Kunden', '1.200 Kunden')).toBe(true);
    expect(same("plus d'un millier de clients", '1 200 clients')).toBe(true);
    expect(same('over a thousand customers', '900 customers')).toBe(false);
    expect(same('over a thousand customers', '5,000 customers')).toBe(false);
    expect(same('over two thousand customers', '1,200 customers')).toBe(false);
  });

  it('reads fortnights, seconds written as "s" and a unit shared by a range', () => {
    expect(same('a fortnight', 'two weeks')).toBe(true);
    expect(same('a fortnight', '14 days')).toBe(true);
    expect(same('a fortnight', 'three weeks')).toBe(false);
    expect(same('4.2s', '4,200 ms')).toBe(true);
    expect(same('4.2s', '4,500 ms')).toBe(false);
    expect(one('the 1990s').kind).toBe('year');
    const [from, to] = extractQuantities('from 4.2 to 1.1 seconds');
    expect(from).toMatchObject({ kind: 'duration', value: 4.2 });
    expect(to).toMatchObject({ kind: 'duration', value: 1.1 });
    const [twoWeeks, oneWeek] = extractQuantities('from two weeks to one');
    expect(twoWeeks.value).toBe(oneWeek.value * 2);
    expect(extractQuantities('from a fortnight to a week')[1]).toMatchObject({
      kind: 'duration',
      value: 604_800,
    });
  });

  it('reads "quinze jours" as two weeks, and 15 days otherwise', () => {
    expect(same('quinze jours', '2 semaines')).toBe(true);
    expect(same('quinze jours', '15 jours')).toBe(true);
    expect(same('15 jours', '2 semaines')).toBe(false);
    expect(same('quinze jours', '3 semaines')).toBe(false);
  });

  it('reads points as the difference of two percentages of the source', () => {
    const source = extractQuantities('Raised the pass rate from 62% to 80%.');
    expect(changeOf(one('by 18 points'), source)).toBe(true);
    expect(changeOf(one('soit +18 points'), source)).toBe(true);
    expect(changeOf(one('by 18 percentage points'), source)).toBe(true);
    expect(changeOf(one('by 20 points'), source)).toBe(false);
  });

  it('reads doubling and tripling in German, French and Spanish', () => {
    for (const text of ['verdoppelt', 'Verdopplung', 'multiplié par deux', 'multiplicadas por dos', 'doublé'])
      expect(one(text), text).toMatchObject({ kind: 'multiplier', value: 2 });
    expect(same('multiplié par trois', '2x')).toBe(false);
    expect(same('um 100 % gesteigert', 'verdoppelt')).toBe(true);
    expect(same('um 50 % gesteigert', 'verdoppelt')).toBe(false);
  });

  it('reads a spelled quarter with its year', () => {
    expect(same('the third quarter of 2021', 'Q3 2021')).toBe(true);
    expect(same('the second quarter of 2021', 'Q3 2021')).toBe(false);
  });

  it('compares months with weeks by their length, roughly', () => {
    expect(same('a month and a half', 'six weeks')).toBe(true);
    expect(extractQuantities('their first month and a half')[1]).toMatchObject({
      kind: 'duration',
      value: 1.5,
    });
    expect(same('two months', '8 weeks')).toBe(true);
    expect(same('two months', '6 weeks')).toBe(false);
    expect(same('three months', '8 weeks')).toBe(false);
  });
});
