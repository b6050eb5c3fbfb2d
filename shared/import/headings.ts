/**
 * Section headings of CVs in English, German, French and Spanish, and the test whether a line
 * reads like a heading.
 */

/** The kind of content a section holds. */
export type SectionKind =
  | 'summary'
  | 'work'
  | 'education'
  | 'skills'
  | 'projects'
  | 'certificates'
  | 'languages'
  | 'awards'
  | 'volunteer'
  | 'publications'
  | 'interests'
  | 'references'
  | 'contact'
  | 'courses'
  | 'other';

/** Whole-heading phrases per kind (lower case, accents kept). */
const PHRASES: Record<Exclude<SectionKind, 'other'>, string[]> = {
  summary: [
    'summary',
    'professional summary',
    'career summary',
    'executive summary',
    'profile',
    'professional profile',
    'personal profile',
    'career profile',
    'about',
    'about me',
    'objective',
    'career objective',
    'overview',
    'highlights',
    'career highlights',
    'summary of qualifications',
    'qualifications summary',
    'profil',
    'kurzprofil',
    'über mich',
    'zusammenfassung',
    'berufliches profil',
    'persönliches profil',
    'résumé',
    'profil professionnel',
    'à propos',
    'à propos de moi',
    'objectif',
    'perfil',
    'perfil profesional',
    'resumen',
    'resumen profesional',
    'sobre mí',
    'acerca de mí',
    'objetivo',
  ],
  work: [
    'experience',
    'work',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'career',
    'relevant experience',
    'professional background',
    'experience highlights',
    'berufserfahrung',
    'erfahrung',
    'berufliche erfahrung',
    'beruflicher werdegang',
    'werdegang',
    'berufspraxis',
    'praktische erfahrung',
    'expérience',
    'expériences',
    'expérience professionnelle',
    'expériences professionnelles',
    'parcours professionnel',
    'experiencia',
    'experiencia laboral',
    'experiencia profesional',
    'trayectoria profesional',
    'historial laboral',
  ],
  education: [
    'education',
    'academic background',
    'education and training',
    'education & training',
    'academic history',
    'qualifications',
    'academics',
    'ausbildung',
    'bildung',
    'bildungsweg',
    'schulbildung',
    'studium',
    'akademischer werdegang',
    'formation',
    'formations',
    'formation académique',
    'études',
    'parcours académique',
    'educación',
    'formación',
    'formación académica',
    'estudios',
  ],
  skills: [
    'skills',
    'technical skills',
    'key skills',
    'core skills',
    'top skills',
    'core competencies',
    'competencies',
    'expertise',
    'areas of expertise',
    'technologies',
    'tools',
    'tech stack',
    'additional skills',
    'skills & abilities',
    'skills and abilities',
    'kenntnisse',
    'fähigkeiten',
    'kompetenzen',
    'fachkenntnisse',
    'it-kenntnisse',
    'edv-kenntnisse',
    'technische kenntnisse',
    'fähigkeiten und kenntnisse',
    'compétences',
    'compétences techniques',
    'savoir-faire',
    'habilidades',
    'competencias',
    'conocimientos',
    'aptitudes',
    'habilidades técnicas',
  ],
  projects: [
    'projects',
    'personal projects',
    'selected projects',
    'key projects',
    'academic projects',
    'side projects',
    'open source',
    'projekte',
    'projets',
    'projets personnels',
    'proyectos',
  ],
  certificates: [
    'certifications',
    'certificates',
    'licenses',
    'licenses & certifications',
    'licenses and certifications',
    'certifications & licenses',
    'zertifikate',
    'zertifizierungen',
    'weiterbildung',
    'weiterbildungen',
    'certificats',
    'certificaciones',
    'certificados',
  ],
  languages: ['languages', 'language skills', 'sprachen', 'sprachkenntnisse', 'langues', 'idiomas', 'lenguas'],
  awards: [
    'awards',
    'honors',
    'honours',
    'honors & awards',
    'honors and awards',
    'awards & honors',
    'achievements',
    'key achievements',
    'accomplishments',
    'auszeichnungen',
    'preise',
    'distinctions',
    'prix',
    'récompenses',
    'premios',
    'logros',
    'reconocimientos',
  ],
  volunteer: [
    'volunteer',
    'volunteering',
    'volunteer experience',
    'volunteer work',
    'community involvement',
    'leadership & activities',
    'activities',
    'extracurricular activities',
    'ehrenamt',
    'ehrenamtliches engagement',
    'engagement',
    'bénévolat',
    'engagements',
    'voluntariado',
  ],
  publications: ['publications', 'papers', 'selected publications', 'veröffentlichungen', 'publikationen', 'publicaciones'],
  interests: [
    'interests',
    'hobbies',
    'hobbies & interests',
    'hobbies and interests',
    'interessen',
    'hobbys',
    "centres d'intérêt",
    'centres d’intérêt',
    'loisirs',
    'intereses',
    'aficiones',
  ],
  references: ['references', 'referees', 'referenzen', 'références', 'referencias'],
  contact: ['contact', 'contact information', 'contact details', 'kontakt', 'coordonnées', 'contacto', 'details', 'personal details', 'persönliche daten', 'datos personales', 'profiles', 'online profiles', 'social', 'social media', 'profile links', 'réseaux', 'profils', 'perfiles', 'redes', 'profile im netz'],
  courses: ['coursework', 'relevant coursework', 'courses', 'kurse', 'cours', 'cursos'],
};

/** Single keywords that make a short line a heading of that kind ("Leadership and Work Experience"). */
const KEYWORDS: [RegExp, SectionKind][] = [
  [/\b(?:experience|employment|berufserfahrung|erfahrung|expériences?|experiencia)\b/iu, 'work'],
  [/\b(?:education|ausbildung|formation|educación|formación)\b/iu, 'education'],
  [/\b(?:skills|kenntnisse|compétences|habilidades|competencias|competencies|technologies)\b/iu, 'skills'],
  [/\b(?:projects|projekte|projets|proyectos)\b/iu, 'projects'],
  [/\b(?:certifications?|certificates?|licenses?|zertifikate|certificats|certificaciones)\b/iu, 'certificates'],
  [/\b(?:languages|sprachen|langues|idiomas)\b/iu, 'languages'],
  [/\b(?:awards|honors|honours|achievements|auszeichnungen|distinctions|premios)\b/iu, 'awards'],
  [/\b(?:volunteer(?:ing)?|activities|ehrenamt|bénévolat|voluntariado)\b/iu, 'volunteer'],
  [/\b(?:publications|veröffentlichungen|publicaciones)\b/iu, 'publications'],
  [/\b(?:interests|hobbies|interessen|loisirs|intereses)\b/iu, 'interests'],
  [/\b(?:references|referenzen|références|referencias)\b/iu, 'references'],
  [/\b(?:summary|profile|objective|profil|perfil)\b/iu, 'summary'],
  [/\b(?:coursework|courses)\b/iu, 'courses'],
];

const PHRASE_LOOKUP = new Map<string, SectionKind>();
/** The phrases without their spaces: letter-spaced type loses or scatters them ("WORKEXPERIENCE", "S U M M A RY"). */
const SPACELESS_LOOKUP = new Map<string, SectionKind>();
for (const [kind, phrases] of Object.entries(PHRASES)) {
  for (const phrase of phrases) {
    PHRASE_LOOKUP.set(phrase, kind as SectionKind);
    SPACELESS_LOOKUP.set(phrase.replace(/ /g, ''), kind as SectionKind);
  }
}

function lookupPhrase(value: string): SectionKind | undefined {
  const exact = PHRASE_LOOKUP.get(value);
  if (exact) return exact;
  // Only short runs of letters: a sentence with its spaces removed is no heading.
  const spaceless = value.replace(/ /g, '');
  return spaceless.length <= 32 ? SPACELESS_LOOKUP.get(spaceless) : undefined;
}

/** Normalises a heading candidate: lower case, letter-spacing undone, glyphs and colons dropped. */
export function normalizeHeading(text: string): string {
  let value = text.trim();
  // "E X P E R I E N C E" (letter-spaced display type) reads as one word.
  if (/^(?:\p{L} ){2,}\p{L}(?:\s{2,}(?:\p{L} )+\p{L})*$/u.test(value)) {
    value = value
      .split(/\s{2,}/)
      .map((word) => word.replace(/ /g, ''))
      .join(' ');
  }
  return value
    .toLowerCase()
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[\s:：.\-–—|]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Returns the section kind when the whole text is a known heading phrase ("Berufserfahrung",
 * "Expérience professionnelle"), else undefined.
 */
export function headingKind(text: string): SectionKind | undefined {
  return lookupPhrase(normalizeHeading(text));
}

/**
 * Returns the section kind of a heading-like line that is not a dictionary phrase, by its
 * keyword ("Computer Engineering Experience" → work). Use only on lines already judged to look
 * like headings by their typography.
 */
export function headingKindByKeyword(text: string): SectionKind | undefined {
  const value = normalizeHeading(text);
  const exact = lookupPhrase(value);
  if (exact) return exact;
  const words = value.split(' ');
  if (words.length > 6) return undefined;
  for (const [pattern, kind] of KEYWORDS) {
    if (pattern.test(value)) return kind;
  }
  return undefined;
}

/** True when every letter in the text is upper case and there are at least three letters. */
export function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 3) return false;
  return letters.every((letter) => letter === letter.toUpperCase() && letter !== letter.toLowerCase());
}
