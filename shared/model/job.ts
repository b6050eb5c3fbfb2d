/**
 * Job postings and match results: what a posting asks for, and what a CV shows of it.
 */
import { z } from 'zod';

/** Seniority levels a posting can state. */
export const SENIORITY_LEVELS = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive'] as const;

/** What the analysis read out of a posting (the `cv-tailor job --json` shape). */
export const jobAnalysisSchema = z.object({
  title: z.string().nullable(),
  company: z.string().nullable(),
  location: z.string().nullable(),
  seniority: z.enum(SENIORITY_LEVELS).nullable(),
  mustHave: z.array(z.string()),
  niceToHave: z.array(z.string()),
  /** Conditions of hire (right to work, location, licence, checks, shifts): shown apart, never scored. */
  eligibility: z.array(z.string()).optional(),
  keywords: z.array(z.string()),
});

/** The structured reading of a posting. */
export type JobAnalysis = z.infer<typeof jobAnalysisSchema>;

/** How well one requirement is covered by the CV. */
export const COVERAGE_STATUSES = ['covered', 'partial', 'missing'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** One requirement with its coverage (the `cv-tailor match --json` shape, plus locations). */
export const requirementMatchSchema = z.object({
  text: z.string(),
  importance: z.enum(['must', 'nice']),
  status: z.enum(COVERAGE_STATUSES),
  /** CV sentences that evidence the requirement. */
  evidence: z.array(z.string()),
  /** JSON Resume paths of the evidence, aligned with `evidence` (e.g. `work[0].highlights[1]`). */
  evidencePaths: z.array(z.string()).optional(),
});
export type RequirementMatch = z.infer<typeof requirementMatchSchema>;

/** The result of matching a CV against a job. `score` is null when the posting says too little. */
export const matchResultSchema = z.object({
  score: z.number().nullable(),
  requirements: z.array(requirementMatchSchema),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
});
export type MatchResult = z.infer<typeof matchResultSchema>;
