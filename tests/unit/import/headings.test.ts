import { describe, expect, it } from 'vitest';
import { headingKind, headingKindByKeyword, isAllCaps, normalizeHeading } from '../../../shared/import/headings';

describe('headingKind', () => {
  it.each([
    ['Experience', 'work'],
    ['WORK EXPERIENCE', 'work'],
    ['Berufserfahrung', 'work'],
    ['Expérience professionnelle', 'work'],
    ['Experiencia laboral', 'work'],
    ['Education', 'education'],
    ['Ausbildung', 'education'],
    ['Formation', 'education'],
    ['Educación', 'education'],
    ['Skills', 'skills'],
    ['Kenntnisse', 'skills'],
    ['Compétences', 'skills'],
    ['Habilidades', 'skills'],
    ['Top Skills', 'skills'],
    ['Projects', 'projects'],
    ['Certifications', 'certificates'],
    ['Languages', 'languages'],
    ['Sprachen', 'languages'],
    ['Awards', 'awards'],
    ['Volunteer Experience', 'volunteer'],
    ['Publications', 'publications'],
    ['Interests', 'interests'],
    ['References', 'references'],
    ['Summary', 'summary'],
    ['Profile', 'summary'],
    ['Profil', 'summary'],
    ['Perfil', 'summary'],
    ['Skills:', 'skills'],
    ['E X P E R I E N C E', 'work'],
  ])('knows "%s" as %s', (text, kind) => {
    expect(headingKind(text)).toBe(kind);
  });

  it('does not take an ordinary line for a heading', () => {
    expect(headingKind('Led the payments team')).toBeUndefined();
    expect(headingKind('Skills: Python, Go')).toBeUndefined();
  });
});

describe('headingKindByKeyword', () => {
  it('classifies qualified headings by their keyword', () => {
    expect(headingKindByKeyword('Computer Engineering Experience')).toBe('work');
    expect(headingKindByKeyword('Leadership and Work Experience')).toBe('work');
    expect(headingKindByKeyword('Technical Skills & Tools')).toBe('skills');
  });

  it('ignores long lines', () => {
    expect(headingKindByKeyword('I have experience with many tools in production systems')).toBeUndefined();
  });
});

describe('helpers', () => {
  it('normalises glyphs, colons and letter spacing', () => {
    expect(normalizeHeading('▸ SKILLS:')).toBe('skills');
    expect(normalizeHeading('W O R K  H I S T O R Y')).toBe('work history');
  });

  it('tells all-caps lines', () => {
    expect(isAllCaps('EDUCATION')).toBe(true);
    expect(isAllCaps('Education')).toBe(false);
    expect(isAllCaps('AB')).toBe(false);
  });
});
