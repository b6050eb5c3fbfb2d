/**
 * Placeholders for personal details sent to a remote provider, and their restoration after.
 *
 * The person's name, email, phone, address and profile URLs are replaced everywhere in the text
 * that leaves the machine (the CV and the posting alike) by markers such as `[NAME]`; the model's
 * answer gets the real values back. On by default for remote providers, off for local ones.
 */
import type { Cv } from '../model/cv';

/** One personal value and the placeholder that stands for it. */
export interface Placeholder {
  placeholder: string;
  value: string;
  /** What the value is, for the UI's "what will be sent" notice. */
  label: string;
}

/** A reversible replacement of personal details. */
export interface Anonymizer {
  placeholders: Placeholder[];
  /** Replaces every personal value in the text by its placeholder. */
  anonymize(text: string): string;
  /** Puts the personal values back in place of their placeholders. */
  restore(text: string): string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for a phone number in any spelling: any spacing or punctuation between its digits,
 * with or without its international prefix ("+44 20 7946 0958" also finds "020 7946 0958").
 */
function phonePattern(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return null;
  const separator = '[\\s().\\-/]*';
  // The subscriber part: the last nine digits, or all of them for short numbers.
  const core = digits.length > 9 ? digits.slice(-9) : digits;
  const prefix = `(?:(?:\\+|00)?\\d{1,3}${separator})?(?:\\(?0\\)?${separator})?\\d{0,${Math.max(0, digits.length - core.length)}}${separator}`;
  return `(?<!\\d)${prefix}${core.split('').join(separator)}(?!\\d)`;
}

function urlVariants(url: string): string[] {
  const trimmed = url.trim().replace(/\/+$/, '');
  const bare = trimmed.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  return [...new Set([trimmed, bare].filter((value) => value.length >= 4))];
}

interface Rule {
  placeholder: string;
  label: string;
  value: string;
  pattern: RegExp;
}

function addRule(
  rules: Rule[],
  label: string,
  placeholder: string,
  value: string,
  source: string,
  flags = 'gi',
): void {
  rules.push({ placeholder, label, value, pattern: new RegExp(source, flags) });
}

/**
 * Builds the anonymizer for a CV from its basics: name (and its parts), email, phone, address,
 * postal code, city, region, website and profile URLs and usernames.
 */
export function createAnonymizer(cv: Cv): Anonymizer {
  const basics = cv.basics ?? {};
  const rules: Rule[] = [];
  const name = basics.name?.trim();
  if (name) {
    addRule(
      rules,
      'name',
      '[NAME]',
      name,
      `(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`,
      'giu',
    );
  }
  const email = basics.email?.trim();
  if (email) addRule(rules, 'email', '[EMAIL]', email, escapeRegExp(email));
  const phone = basics.phone?.trim();
  const phoneSource = phone ? phonePattern(phone) : null;
  if (phone && phoneSource) addRule(rules, 'phone', '[PHONE]', phone, phoneSource);
  const location = basics.location ?? {};
  const locationFields: [keyof typeof location, string, string][] = [
    ['address', 'address', '[ADDRESS]'],
    ['postalCode', 'postal code', '[POSTAL_CODE]'],
    ['city', 'city', '[CITY]'],
    ['region', 'region', '[REGION]'],
  ];
  for (const [field, label, placeholder] of locationFields) {
    const value = typeof location[field] === 'string' ? (location[field] as string).trim() : '';
    if (value.length >= 2) {
      addRule(
        rules,
        label,
        placeholder,
        value,
        `(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`,
        'giu',
      );
    }
  }
  const urls = [basics.url, ...(basics.profiles ?? []).map((profile) => profile.url)].filter(
    (url): url is string => typeof url === 'string' && url.trim() !== '',
  );
  urls.forEach((url, index) => {
    const placeholder = `[URL_${index + 1}]`;
    for (const variant of urlVariants(url)) {
      addRule(
        rules,
        'profile URL',
        placeholder,
        url.trim(),
        `(?:https?://)?(?:www\\.)?${escapeRegExp(variant.replace(/^https?:\/\/(www\.)?/i, ''))}/?`,
      );
    }
  });
  (basics.profiles ?? []).forEach((profile, index) => {
    const username = profile.username?.trim();
    if (username && username.length >= 3) {
      addRule(
        rules,
        'profile username',
        `[USERNAME_${index + 1}]`,
        username,
        `(?<![\\p{L}\\p{N}_.-])@?${escapeRegExp(username)}(?![\\p{L}\\p{N}_-])`,
        'giu',
      );
    }
  });
  // Name parts last: the full name is replaced first, then a lone first or last name.
  if (name) {
    const parts = name.split(/\s+/).filter((part) => part.replace(/\W/g, '').length >= 3);
    if (parts.length > 1) {
      parts.forEach((part, index) => {
        const placeholder =
          index === 0 ? '[FIRST_NAME]' : index === parts.length - 1 ? '[LAST_NAME]' : `[NAME_PART_${index}]`;
        addRule(
          rules,
          'name',
          placeholder,
          part,
          `(?<![\\p{L}\\p{N}])${escapeRegExp(part)}(?![\\p{L}\\p{N}])`,
          'gu',
        );
      });
    }
  }
  // Longer values first, so a URL containing the username is replaced whole.
  const ordered = rules.sort(
    (a, b) => b.value.length - a.value.length || a.placeholder.localeCompare(b.placeholder),
  );
  const placeholders: Placeholder[] = [];
  for (const rule of ordered) {
    if (!placeholders.some((item) => item.placeholder === rule.placeholder)) {
      placeholders.push({ placeholder: rule.placeholder, value: rule.value, label: rule.label });
    }
  }
  return {
    placeholders,
    anonymize(text: string): string {
      return ordered.reduce((result, rule) => result.replace(rule.pattern, rule.placeholder), text);
    },
    restore(text: string): string {
      let result = text;
      for (const { placeholder, value } of placeholders) result = result.split(placeholder).join(value);
      return result;
    },
  };
}

/** Applies a string transform to every string inside a JSON value (objects and arrays copied). */
export function mapStrings<T>(value: T, transform: (text: string) => string): T {
  if (typeof value === 'string') return transform(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, transform)) as T;
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = mapStrings(item, transform);
    return result as T;
  }
  return value;
}

/** The CV with every personal value replaced by its placeholder (structure unchanged). */
export function anonymizeCv(cv: Cv, anonymizer: Anonymizer): Cv {
  return mapStrings(cv, (text) => anonymizer.anonymize(text));
}

/** What a run sends to a provider, for the notice shown before the first remote run. */
export interface SendNotice {
  /** Parts of the CV included in the prompt. */
  included: string[];
  /** Personal details replaced by placeholders (empty when anonymizing is off). */
  replaced: string[];
  /** Personal details sent as they are (anonymizing off and present in the CV's text). */
  sentAsIs: string[];
}

/**
 * Describes what tailoring or a letter sends for this CV: the posting, the CV's texts, and which
 * personal details are replaced by placeholders or, with anonymizing off, sent as written.
 */
export function describeSend(cv: Cv, anonymize: boolean): SendNotice {
  const included = ['the job posting'];
  if (cv.basics?.summary) included.push('your summary');
  if ((cv.work ?? []).length > 0)
    included.push('job titles, employers, dates and bullets of your work history');
  if ((cv.projects ?? []).length > 0) included.push('your projects');
  if ((cv.skills ?? []).length > 0) included.push('your skills');
  if ((cv.education ?? []).length > 0) included.push('your degrees and institutions');
  const labels = [...new Set(createAnonymizer(cv).placeholders.map((item) => item.label))];
  return anonymize
    ? { included, replaced: labels, sentAsIs: [] }
    : { included, replaced: [], sentAsIs: labels };
}
