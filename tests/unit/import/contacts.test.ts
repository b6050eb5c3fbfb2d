import { describe, expect, it } from 'vitest';
import { findEmails, findPhones, findUrls, parseLocation, profileFromUrl, splitPieces } from '../../../shared/import/contacts';

describe('findPhones', () => {
  it.each([
    ['(312) 555-0123', '(312) 555-0123'],
    ['+49 30 1234 5678', '+49 30 1234 5678'],
    ['+33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['973-555-0123', '973-555-0123'],
    ['+91 98765 43210', '+91 98765 43210'],
    ['0049 (0)30 123456', '0049 (0)30 123456'],
    ['(718) 555–0100', '(718) 555–0100'],
    ['+1.415.555.0173', '+1.415.555.0173'],
  ])('finds %s', (text, expected) => {
    expect(findPhones(`Tel: ${text} | x@y.com`)[0]?.value).toBe(expected);
  });

  it('does not take a date range for a phone number', () => {
    expect(findPhones('2016 - 2019')).toEqual([]);
    expect(findPhones('03/2018 - 06/2021')).toEqual([]);
  });
});

describe('findEmails and findUrls', () => {
  it('finds emails with diacritics-free and dotted local parts', () => {
    expect(findEmails('mail: jane.smith+cv@example.co.uk, other').map((match) => match.value)).toEqual(['jane.smith+cv@example.co.uk']);
  });

  it('finds URLs with and without scheme but not inside emails', () => {
    const urls = findUrls('jane@example.com | linkedin.com/in/jane-doe | https://jane.dev/work | www.site.org');
    expect(urls.map((url) => url.value)).toEqual(['linkedin.com/in/jane-doe', 'https://jane.dev/work', 'www.site.org']);
  });

  it('does not read abbreviations like M.Tech or Node.js as addresses', () => {
    expect(findUrls('M.Tech in Data Science, Node.js')).toEqual([]);
  });
});

describe('profileFromUrl', () => {
  it('recognises LinkedIn and GitHub profiles', () => {
    expect(profileFromUrl('linkedin.com/in/jordan-avery')).toEqual({ network: 'LinkedIn', username: 'jordan-avery', url: 'https://linkedin.com/in/jordan-avery' });
    expect(profileFromUrl('https://github.com/mhalloway')?.username).toBe('mhalloway');
  });

  it('returns undefined for other sites', () => {
    expect(profileFromUrl('https://jane.dev')).toBeUndefined();
  });
});

describe('parseLocation', () => {
  it.each([
    ['Austin, TX', { city: 'Austin', region: 'TX' }],
    ['San Francisco, CA', { city: 'San Francisco', region: 'CA' }],
    ['Columbus, Ohio', { city: 'Columbus', region: 'Ohio' }],
    ['Berlin, Germany', { city: 'Berlin', region: 'Germany' }],
    ['Bengaluru, India', { city: 'Bengaluru', region: 'India' }],
    ['10115 Berlin', { postalCode: '10115', city: 'Berlin' }],
    ['Remote', { city: 'Remote' }],
    ['4567 Main Street City, ST 98052', { address: '4567 Main Street', city: 'City', region: 'ST', postalCode: '98052' }],
  ])('reads %s', (text, expected) => {
    expect(parseLocation(text)).toEqual(expected);
  });

  it('rejects text that is not a place', () => {
    expect(parseLocation('Led the platform team')).toBeUndefined();
  });
});

describe('splitPieces', () => {
  it('splits a contact line at bars, bullets and middle dots', () => {
    expect(splitPieces('a@b.com | (312) 555-0123 • Austin, TX · linkedin.com/in/x').map((piece) => piece.value)).toEqual([
      'a@b.com',
      '(312) 555-0123',
      'Austin, TX',
      'linkedin.com/in/x',
    ]);
  });
});
