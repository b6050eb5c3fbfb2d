/**
 * Recognisers for the contact facts of a CV header: emails, phone numbers, web addresses,
 * profile links (LinkedIn, GitHub, …) and "City, Region" locations.
 */

/** A recognised piece of text with its place in the line. */
export interface Match {
  value: string;
  index: number;
  length: number;
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const URL_PATTERN =
  /(?<![@\p{L}\p{N}.])(?:https?:\/\/)?(?:www\.)?(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|de|fr|es|ch|at|uk|co|me|info|app|ai|eu|us|ca|in|it|nl|be|se|no|dk|pl|pt|mx|ar|br|au|nz|jp|tech|site|page|xyz|blog|design|studio)(?![\p{L}])(?:\/[^\s|,;•·)]*)?/giu;
const PHONE = /(?<![\p{L}\p{N}])(?:\+|00)?\(?\d[\d\s().\-–/]{6,}\d(?!\d)/gu;

/** Every email address in the text. */
export function findEmails(text: string): Match[] {
  return [...text.matchAll(EMAIL)].map((match) => ({ value: match[0], index: match.index, length: match[0].length }));
}

/** True when the digits look like a phone number rather than a date range or an amount. */
function isPhoneLike(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  // "2016 - 2019", "03/2018 - 06/2021" are dates, not phones.
  if (/^\s*(?:\d{1,2}[./])?(?:19|20)\d{2}\s*[-–/]\s*(?:\d{1,2}[./])?(?:19|20)\d{2}\s*$/.test(candidate)) return false;
  if (/^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(candidate.trim())) return false;
  return true;
}

/** Every phone number in the text (international forms with +, 00, brackets, dots, spaces, dashes). */
export function findPhones(text: string): Match[] {
  const result: Match[] = [];
  for (const match of text.matchAll(PHONE)) {
    let value = match[0].replace(/[\s\-–/.(]+$/u, '');
    // A closing bracket belongs to the number only when it also opened one.
    if (value.endsWith(')') && !value.includes('(')) value = value.slice(0, -1);
    if (!isPhoneLike(value)) continue;
    result.push({ value: value.trim(), index: match.index, length: value.length });
  }
  return result;
}

/** Every web address in the text (with or without scheme), emails excluded. */
export function findUrls(text: string): Match[] {
  const emails = findEmails(text);
  const result: Match[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const inEmail = emails.some((email) => match.index >= email.index && match.index < email.index + email.length);
    if (inEmail) continue;
    const value = match[0].replace(/[.,;:]+$/, '');
    // Without a scheme or www, "M.Tech" or "Node.js" are words, not addresses.
    if (!/^(?:https?:\/\/|www\.)/i.test(value) && (/\p{Lu}/u.test(value.split('/')[0]) || /^[^.]\./.test(value))) continue;
    result.push({ value, index: match.index, length: value.length });
  }
  return result;
}

/** A social or code-hosting profile found from its URL. */
export type ProfileLink = {
  network: string;
  username: string;
  url: string;
};

const NETWORKS: [RegExp, string][] = [
  [/linkedin\.com\/(?:in|pub)\/([^/?#\s]+)/i, 'LinkedIn'],
  [/github\.com\/([^/?#\s]+)/i, 'GitHub'],
  [/gitlab\.com\/([^/?#\s]+)/i, 'GitLab'],
  [/(?:twitter|x)\.com\/([^/?#\s]+)/i, 'Twitter'],
  [/stackoverflow\.com\/users\/\d+\/([^/?#\s]+)/i, 'Stack Overflow'],
  [/xing\.com\/profile\/([^/?#\s]+)/i, 'XING'],
  [/behance\.net\/([^/?#\s]+)/i, 'Behance'],
  [/dribbble\.com\/([^/?#\s]+)/i, 'Dribbble'],
  [/medium\.com\/@?([^/?#\s]+)/i, 'Medium'],
];

/** Returns the profile a URL points to (LinkedIn, GitHub, …), or undefined for other sites. */
export function profileFromUrl(url: string): ProfileLink | undefined {
  for (const [pattern, network] of NETWORKS) {
    const match = pattern.exec(url);
    if (match) {
      const full = /^https?:\/\//i.test(url) ? url : `https://${url}`;
      return { network, username: decodeURIComponent(match[1]), url: full };
    }
  }
  return undefined;
}

/** Networks people name before a bare handle ("LinkedIn: jane-doe", "GitHub: @jdoe"). */
const HANDLE_NETWORKS: Readonly<Record<string, string>> = {
  linkedin: 'LinkedIn',
  github: 'GitHub',
  gitlab: 'GitLab',
  twitter: 'Twitter',
  x: 'X',
  'stack overflow': 'Stack Overflow',
  stackoverflow: 'Stack Overflow',
  xing: 'XING',
  behance: 'Behance',
  dribbble: 'Dribbble',
  medium: 'Medium',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  instagram: 'Instagram',
  kaggle: 'Kaggle',
  leetcode: 'LeetCode',
  orcid: 'ORCID',
  researchgate: 'ResearchGate',
  'google scholar': 'Google Scholar',
  youtube: 'YouTube',
  bitbucket: 'Bitbucket',
  codepen: 'CodePen',
  skype: 'Skype',
  telegram: 'Telegram',
};

/**
 * Reads a profile written as "Network: handle" without a link ("LinkedIn: sofianunez").
 *
 * Returns undefined unless the label is a known network and the handle a single token.
 */
export function profileFromHandle(text: string): CvProfileLink | undefined {
  const labelled = /^([\p{L} ]{1,20}?)\s*[:：]\s*@?([\p{L}\p{N}][\p{L}\p{N}._-]{0,60})$/u.exec(text.trim());
  // "handle (Network)", as several JSON Resume themes print a profile.
  const bracketed = /^@?([\p{L}\p{N}][\p{L}\p{N}._-]{0,60})\s*\(([\p{L} ]{1,20})\)$/u.exec(text.trim());
  const [name, username] = labelled ? [labelled[1], labelled[2]] : bracketed ? [bracketed[2], bracketed[1]] : [];
  if (!name || !username) return undefined;
  const network = HANDLE_NETWORKS[name.trim().toLowerCase()];
  if (!network) return undefined;
  return { network, username };
}

/** A profile named by network and handle, with a link when the CV gave one. */
export type CvProfileLink = { network: string; username: string; url?: string };

const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR ' +
    'PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON QC BC AB MB SK NS NB NL PE'
  ).split(' '),
);

const COUNTRIES = new Set(
  [
    'usa',
    'us',
    'united states',
    'uk',
    'united kingdom',
    'england',
    'scotland',
    'ireland',
    'canada',
    'germany',
    'deutschland',
    'france',
    'spain',
    'españa',
    'italy',
    'italia',
    'portugal',
    'netherlands',
    'belgium',
    'belgique',
    'switzerland',
    'schweiz',
    'suisse',
    'austria',
    'österreich',
    'sweden',
    'norway',
    'denmark',
    'finland',
    'poland',
    'polska',
    'czech republic',
    'india',
    'china',
    'japan',
    'singapore',
    'australia',
    'new zealand',
    'brazil',
    'brasil',
    'mexico',
    'méxico',
    'argentina',
    'chile',
    'colombia',
    'peru',
    'south africa',
    'nigeria',
    'kenya',
    'egypt',
    'israel',
    'turkey',
    'uae',
    'united arab emirates',
    'ukraine',
    'romania',
    'greece',
    'hungary',
    'luxembourg',
  ].map((name) => name.toLowerCase()),
);

/** ISO 3166-1 alpha-2 country codes (JSON Resume's `countryCode`). */
const ISO_COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
    'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
    'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
    'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** Country names (and common short forms) written after a region, with their ISO code. */
const COUNTRY_CODES: Readonly<Record<string, string>> = {
  usa: 'US', 'united states': 'US', 'united states of america': 'US', uk: 'GB', 'united kingdom': 'GB',
  england: 'GB', scotland: 'GB', ireland: 'IE', canada: 'CA', germany: 'DE', deutschland: 'DE', france: 'FR',
  spain: 'ES', españa: 'ES', italy: 'IT', italia: 'IT', portugal: 'PT', netherlands: 'NL', belgium: 'BE',
  belgique: 'BE', switzerland: 'CH', schweiz: 'CH', suisse: 'CH', austria: 'AT', österreich: 'AT', sweden: 'SE',
  norway: 'NO', denmark: 'DK', finland: 'FI', poland: 'PL', polska: 'PL', 'czech republic': 'CZ', india: 'IN',
  china: 'CN', japan: 'JP', singapore: 'SG', australia: 'AU', 'new zealand': 'NZ', brazil: 'BR', brasil: 'BR',
  mexico: 'MX', méxico: 'MX', argentina: 'AR', chile: 'CL', colombia: 'CO', peru: 'PE', 'south africa': 'ZA',
  nigeria: 'NG', kenya: 'KE', egypt: 'EG', israel: 'IL', turkey: 'TR', uae: 'AE', 'united arab emirates': 'AE',
  ukraine: 'UA', romania: 'RO', greece: 'GR', hungary: 'HU', luxembourg: 'LU',
};

/** Country codes that read as other abbreviations when they follow a single word. */
const AMBIGUOUS_CODES = new Set(['AI', 'BA', 'BS', 'CV', 'GM', 'HR', 'ID', 'IT', 'MA', 'ML', 'MS', 'PM', 'PR', 'QA', 'SA', 'SE', 'TV']);

/**
 * The ISO 3166-1 alpha-2 code a trailing location part stands for ("CH", "Switzerland", "USA"),
 * or undefined when it is no country.
 */
export function countryCodeOf(text: string): string | undefined {
  const value = text.trim().replace(/\.$/, '');
  if (/^[A-Z]{2}$/.test(value) && ISO_COUNTRY_CODES.has(value)) return value;
  return COUNTRY_CODES[value.toLowerCase()];
}

/** Place names that stand alone as a location ("Remote"). */
const STANDALONE_PLACES = new Set(['remote', 'hybrid', 'on-site', 'onsite', 'worldwide', 'home office', 'télétravail']);

/** True when the text is a US state / Canadian province code or a country name. */
export function isRegionToken(text: string): boolean {
  const value = text.trim().replace(/\.$/, '');
  return US_STATES.has(value) || isCountry(value);
}

/** True when the word is a country name this module knows. */
export function isCountry(text: string): boolean {
  return COUNTRIES.has(text.trim().toLowerCase().replace(/\.$/, ''));
}

let languageNames: Set<string> | undefined;

/**
 * True when the text is the name of a language in English, German, French or Spanish
 * ("Irish", "Mandarin Chinese", "Inglés"), by the names ICU ships for every ISO 639 code.
 */
export function isLanguageName(text: string): boolean {
  if (!languageNames) {
    languageNames = new Set();
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const displays = ['en', 'de', 'fr', 'es'].map((locale) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
    for (const first of letters)
      for (const second of letters)
        for (const display of displays) {
          const name = display.of(`${first}${second}`);
          if (name) languageNames.add(name.toLowerCase());
        }
    for (const extra of ['mandarin', 'mandarin chinese', 'cantonese', 'farsi', 'flemish', 'castilian', 'castellano'])
      languageNames.add(extra);
  }
  return languageNames.has(text.trim().toLowerCase());
}

/** A place split into city and region. */
export interface Place {
  city?: string;
  region?: string;
  countryCode?: string;
  address?: string;
  postalCode?: string;
}

const PLACE_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const PLACE_NAME = `${PLACE_WORD}(?:[ -](?:${PLACE_WORD}|de|del|la|le|am|an|der|sur|upon|on))*`;
const CITY_REGION = new RegExp(`^(${PLACE_NAME})\\s*,\\s*(${PLACE_NAME}|[A-Z]{2})(?:\\s+(\\d{4,5}(?:-\\d{4})?))?$`, 'u');
const POSTAL_CITY = new RegExp(`^(\\d{4,5})\\s+(${PLACE_NAME})(?:\\s*,\\s*(${PLACE_NAME}))?$`, 'u');

/**
 * Parses a location like "Austin, TX", "Berlin, Germany", "10115 Berlin", "Remote" or
 * "4567 Main Street City, ST 98052".
 *
 * Returns undefined when the text does not read as a place.
 */
export function parseLocation(raw: string): Place | undefined {
  const text = raw.trim().replace(/\s+/g, ' ').replace(/[.;]$/, '');
  const plain = parsePlainLocation(text);
  if (plain || !text || text.length > 120) return plain;
  // A country code in brackets ("Austin, Texas (US)", "San Francisco (US), California").
  const bracketed = /\s*\(([A-Z]{2})\)/u.exec(text);
  if (bracketed && ISO_COUNTRY_CODES.has(bracketed[1])) {
    const rest = parseLocation(text.replace(bracketed[0], '').trim());
    if (rest?.city) return { ...rest, countryCode: rest.countryCode ?? bracketed[1] };
  }
  // Set in capitals by the page's style ("AUSTIN, TEXAS"): judged as written in title case.
  if (/\p{Lu}{3}/u.test(text) && text === text.toUpperCase()) {
    const titled = text.toLowerCase().replace(/(^|[\s,(-])(\p{Ll})/gu, (_, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
    if (titled !== text) {
      const place = parsePlainLocation(titled);
      if (place?.city) return place;
    }
  }
  // A full address: street, postal code, city, region ("88 Harrison Street, Unit 1402, 94105,
  // San Francisco, California"): the place is read from the parts after the address ones.
  const parts = text.split(/\s*,\s*/);
  if (parts.length >= 3 && /\d/.test(parts[0])) {
    for (let cut = 1; cut < parts.length; cut += 1) {
      const head = parts.slice(0, cut);
      const tail = parts.slice(cut);
      if (!head.some((part) => /\d/.test(part)) || /\d/.test(tail.join(' '))) continue;
      const place = parseLocation(tail.join(', ')) ?? (tail.length === 1 ? { city: tail[0] } : undefined);
      if (!place?.city || !new RegExp(`^${PLACE_NAME}$`, 'u').test(place.city)) continue;
      const postal = head.find((part) => /^\d{4,6}(?:-\d{4})?$/.test(part));
      const address = head.filter((part) => part !== postal).join(', ');
      return { ...place, ...(address ? { address } : {}), ...(postal ? { postalCode: postal } : {}) };
    }
  }
  return undefined;
}

function parsePlainLocation(text: string): Place | undefined {
  if (!text || text.length > 80) return undefined;
  if (STANDALONE_PLACES.has(text.toLowerCase())) return { city: text };
  const withCountryPrefix = /^(remote|hybrid)\s*[,(–-]\s*(.+?)\)?$/i.exec(text);
  if (withCountryPrefix) return { city: withCountryPrefix[1], region: withCountryPrefix[2] };
  let match = CITY_REGION.exec(text);
  if (match) {
    const region = match[2];
    const isRegion = US_STATES.has(region) || isCountry(region) || /^\p{Lu}\p{Ll}/u.test(region);
    const postal = match[3] ? { postalCode: match[3] } : {};
    // "Zürich, CH": a country code that is no US state or Canadian province, nor a common
    // abbreviation ("Marketing, PR", "Research, AI").
    if (!isRegion && countryCodeOf(region) === region && !AMBIGUOUS_CODES.has(region)) {
      return { city: match[1], countryCode: region, ...postal };
    }
    if (!isRegion) return undefined;
    return { city: match[1], region, ...postal };
  }
  match = POSTAL_CITY.exec(text);
  if (match) return { postalCode: match[1], city: match[2], ...(match[3] ? { region: match[3] } : {}) };
  const streetCityZip = new RegExp(`^(\\d+[a-z]?\\s+.+?)\\s+(${PLACE_WORD})\\s*,\\s*([A-Z]{2})\\s+(\\d{5}(?:-\\d{4})?)$`, 'u').exec(text);
  if (streetCityZip) {
    return { address: streetCityZip[1], city: streetCityZip[2], region: streetCityZip[3], postalCode: streetCityZip[4] };
  }
  const street = /^(\d+[a-z]?\s+[^,]+?)\s*,\s*(.+)$/u.exec(text);
  if (street) {
    const rest = parseLocation(street[2]);
    if (rest?.city) return { address: street[1], ...rest };
  }
  const addressThenPlace = /^(.+\d+[a-z]?)\s*,\s*(\d{4,5}\s+.+)$/u.exec(text);
  if (addressThenPlace) {
    const rest = parseLocation(addressThenPlace[2]);
    if (rest?.city) return { address: addressThenPlace[1], ...rest };
  }
  const cityRegionCountry = /^([^,\d]+),\s*([^,\d]+),\s*([^,\d]+)$/u.exec(text);
  if (cityRegionCountry) {
    // "Zürich, ZH, CH", "Austin, TX, USA", "Lyon, Auvergne-Rhône-Alpes, France".
    const countryCode = countryCodeOf(cityRegionCountry[3]);
    const city = cityRegionCountry[1].trim();
    const region = cityRegionCountry[2].trim();
    if (countryCode && new RegExp(`^${PLACE_NAME}$`, 'u').test(city) && new RegExp(`^(?:${PLACE_NAME}|[A-Z]{2,3})$`, 'u').test(region)) {
      return { city, region, countryCode };
    }
  }
  if (isCountry(text)) return { region: text };
  return undefined;
}

/** Formats a place back as one line ("Austin, TX", "Zürich, ZH, CH"). */
export function formatPlace(place: Place): string {
  return [place.address, place.city, place.region, place.countryCode].filter(Boolean).join(', ');
}

/**
 * Splits a line into the pieces a CV header separates with bars, bullets, middle dots,
 * spaced dashes, tabs or wide gaps.
 */
export function splitPieces(text: string): Match[] {
  const separator = /\s*(?:[|•·▪◦●■♦❖⋅∙‧]|\s[–—-]\s|\t|\s{3,})\s*/gu;
  const pieces: Match[] = [];
  let last = 0;
  for (const match of text.matchAll(separator)) {
    pushPiece(pieces, text, last, match.index);
    last = match.index + match[0].length;
  }
  pushPiece(pieces, text, last, text.length);
  return pieces;
}

function pushPiece(pieces: Match[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const value = raw.trim();
  if (value) pieces.push({ value, index: start + leading, length: value.length });
}
