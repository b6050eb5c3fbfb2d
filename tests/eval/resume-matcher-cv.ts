/**
 * Converts Resume Matcher's master résumé shape (personalInfo, workExperience, …) to our CV model,
 * so its corpus file can be matched like any imported CV.
 */
import { z } from 'zod';
import type { Cv } from '../../shared/model/cv';

const entry = z.looseObject({
  title: z.string().optional(),
  company: z.string().optional(),
  name: z.string().optional(),
  role: z.string().optional(),
  institution: z.string().optional(),
  degree: z.string().optional(),
  location: z.string().optional(),
  years: z.string().optional(),
  description: z.union([z.string(), z.array(z.string())]).optional(),
});

const masterSchema = z.looseObject({
  personalInfo: z
    .looseObject({ name: z.string().optional(), title: z.string().optional(), email: z.string().optional() })
    .optional(),
  summary: z.string().optional(),
  workExperience: z.array(entry).optional(),
  education: z.array(entry).optional(),
  personalProjects: z.array(entry).optional(),
  additional: z
    .looseObject({
      technicalSkills: z.array(z.string()).optional(),
      languages: z.array(z.string()).optional(),
      certificationsTraining: z.array(z.string()).optional(),
      awards: z.array(z.string()).optional(),
    })
    .optional(),
});

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Jan 2021" → "2021-01", "2014" → "2014"; "Present" → undefined (ongoing). */
function isoDate(text: string | undefined): string | undefined {
  const value = (text ?? '').trim();
  if (!value || /present|current|now/i.test(value)) return undefined;
  const named = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(value);
  if (named) {
    const month = MONTHS.indexOf(named[1].toLowerCase());
    if (month >= 0) return `${named[2]}-${String(month + 1).padStart(2, '0')}`;
  }
  return /^\d{4}$/.test(value) ? value : undefined;
}

function span(years: string | undefined): { startDate?: string; endDate?: string } {
  const [start, end] = (years ?? '').split(/\s+[-–]\s+/);
  return { startDate: isoDate(start), endDate: isoDate(end) };
}

const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

/** Builds a CV from a Resume Matcher master résumé; throws when the data has another shape. */
export function resumeMatcherToCv(data: unknown): Cv {
  const master = masterSchema.parse(data);
  return {
    basics: {
      name: master.personalInfo?.name,
      label: master.personalInfo?.title,
      email: master.personalInfo?.email,
      summary: master.summary,
    },
    work: (master.workExperience ?? []).map((item) => ({
      name: item.company,
      position: item.title,
      location: item.location,
      ...span(item.years),
      highlights: list(item.description),
    })),
    education: (master.education ?? []).map((item) => {
      const [studyType, ...area] = (item.degree ?? '').split(/\s+/);
      return { institution: item.institution, studyType, area: area.join(' '), ...span(item.years) };
    }),
    projects: (master.personalProjects ?? []).map((item) => ({
      name: item.name,
      roles: item.role ? [item.role] : [],
      ...span(item.years),
      highlights: list(item.description),
    })),
    skills: master.additional?.technicalSkills?.length
      ? [{ name: 'Technical skills', keywords: master.additional.technicalSkills }]
      : [],
    languages: (master.additional?.languages ?? []).map((language) => ({ language })),
    certificates: (master.additional?.certificationsTraining ?? []).map((name) => ({ name })),
    awards: (master.additional?.awards ?? []).map((title) => ({ title })),
  };
}
