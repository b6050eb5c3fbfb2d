/**
 * Bold and italic from a PDF font's real name (e.g. `ABCDEF+Roboto-SemiBold`, `CMBX10`).
 *
 * PDFs rarely carry reliable weight flags, but font names follow the foundries' naming habits,
 * so the name is the best signal for headings and job titles set in a heavier face.
 */

const SUBSET_PREFIX = /^[A-Z]{6}\+/;

/** Weight keywords, heaviest first so "ExtraBold" is not read as "Bold". */
const WEIGHTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(extra|ultra)\s*black|heavy|black|fat|poster/i, 900],
  [/(extra|ultra)\s*bold|xbold/i, 800],
  [/bold|(^|[-,_ ])bd($|[-,_ ])|\bbol$/i, 700],
  [/semi\s*bold|demi\s*bold|demi$|semibd|sembd/i, 600],
  [/medium|(^|[-_ ])med($|[-_ ])|(^|[-_ ])md($|[-_ ])/i, 500],
  [/(extra|ultra)\s*light|thin|hairline/i, 200],
  [/light|book/i, 300],
];

/** TeX's Computer Modern / Latin Modern bold faces (CMBX10, CMB10, LMRoman10-Bold handled above). */
const TEX_BOLD = /^(cmbx|cmb\d|cmssbx|ecbx|ecrb|ecsx|lmbx|rmbx)/i;
const TEX_ITALIC = /^(cmti|cmsl|cmmi|ecti|ecsl|cmssi|lmti)/i;

/** Strips the subset tag and returns the face name pdfjs reported. */
export function baseFontName(name: string): string {
  return name.replace(SUBSET_PREFIX, '').trim();
}

/** Weight class 100–900 implied by a font name; 400 when the name says nothing. */
export function fontWeightFromName(name: string): number {
  const base = baseFontName(name);
  if (TEX_BOLD.test(base)) return 700;
  // Semibold must win over bold, so check the more specific patterns in a fixed priority.
  const semi = WEIGHTS[3];
  if (semi[0].test(base)) return semi[1];
  for (const [pattern, weight] of WEIGHTS) {
    if (pattern.test(base)) return weight;
  }
  return 400;
}

/** True when the font name marks an italic or oblique face. */
export function isItalicFontName(name: string): boolean {
  const base = baseFontName(name);
  // "-It", "-LightIt", "-BoldIt" are the Adobe short forms of italic faces.
  return /italic|oblique|slanted|kursiv|-[a-z]*it$/i.test(base) || TEX_ITALIC.test(base);
}

/**
 * Decides which weights count as bold in one document.
 *
 * Weights of 600 and above are always bold. Medium (500) counts as bold only when the body text
 * (the weight carrying most characters) is lighter, as in Roboto-Light bodies with Medium titles.
 */
export function boldThreshold(bodyWeight: number): number {
  return bodyWeight < 500 ? 500 : 600;
}
