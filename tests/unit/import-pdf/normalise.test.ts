import { describe, expect, it } from 'vitest';
import {
  boldThreshold,
  fontWeightFromName,
  isItalicFontName,
} from '../../../electron/services/import/pdf/font-style';
import {
  collapseSpacing,
  normaliseGlyphs,
  WIDE_GAP,
} from '../../../electron/services/import/pdf/text-normalise';

describe('glyph normalisation', () => {
  it('expands the ligature glyphs ff fi fl ffi ffl', () => {
    expect(normaliseGlyphs('e\uFB00ort \uFB01le \uFB02ow o\uFB03ce ba\uFB04e')).toBe(
      'effort file flow office baffle',
    );
  });

  it('turns odd spaces into plain spaces and drops invisible marks', () => {
    expect(normaliseGlyphs('a\u00A0b\u2009c\u202Fd\u200Be\u00ADf\uFEFF')).toBe('a b c def');
  });

  it('composes diacritics to NFC so names compare exactly', () => {
    expect(normaliseGlyphs('Zoe\u0308 Nu\u0301n\u0303ez')).toBe('Zoë Núñez');
  });

  it('maps the Symbol-font bullet to a bullet and drops icon-font glyphs', () => {
    expect(normaliseGlyphs('\uF0B7 Item')).toBe('• Item');
    expect(normaliseGlyphs('\uF095 555-0100')).toBe(' 555-0100');
  });
});

describe('letter spacing', () => {
  it('collapses a letter-spaced word', () => {
    expect(collapseSpacing('E X P E R I E N C E')).toBe('EXPERIENCE');
  });

  it('keeps word breaks of letter-spaced headings that arrive as wide gaps', () => {
    expect(collapseSpacing(`W O R K${WIDE_GAP}H I S T O R Y`)).toBe('WORK HISTORY');
  });

  it('leaves ordinary text and short initials alone', () => {
    expect(collapseSpacing('Led a team of 5 on the A B test')).toBe('Led a team of 5 on the A B test');
    expect(collapseSpacing(`Acme Corp${WIDE_GAP}2019 – 2022`)).toBe('Acme Corp 2019 – 2022');
  });
});

describe('font weight from names', () => {
  it('reads weights from common font names', () => {
    expect(fontWeightFromName('AAAAAA+HelveticaNeue-Bold')).toBe(700);
    expect(fontWeightFromName('Roboto-SemiBold')).toBe(600);
    expect(fontWeightFromName('Lato-Black')).toBe(900);
    expect(fontWeightFromName('Roboto-Medium')).toBe(500);
    expect(fontWeightFromName('CMBX10')).toBe(700);
    expect(fontWeightFromName('Roboto-Light')).toBe(300);
    expect(fontWeightFromName('TimesNewRomanPSMT')).toBe(400);
  });

  it('detects italic faces, including the Adobe short form', () => {
    expect(isItalicFontName('ABCDEF+Roboto-Italic')).toBe(true);
    expect(isItalicFontName('SourceSans3-LightIt')).toBe(true);
    expect(isItalicFontName('CMTI10')).toBe(true);
    expect(isItalicFontName('Roboto-Regular')).toBe(false);
  });

  it('counts Medium as bold only when the body is lighter than Medium', () => {
    expect(500 >= boldThreshold(300)).toBe(true);
    expect(500 >= boldThreshold(500)).toBe(false);
  });
});
