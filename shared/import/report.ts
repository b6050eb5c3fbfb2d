/**
 * The import report: how the importer read a file, field by field, so the UI can show the source
 * text with each part highlighted by the field it went to.
 */
import { z } from 'zod';

/** Where in the source a value came from: line index into `lines`, and a character span in it. */
export const sourceSpanSchema = z.object({
  line: z.number().int().min(0),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

/** One field the importer filled, with its JSON Resume path, value, source span and confidence. */
export const importFieldSchema = z.object({
  path: z.string(),
  value: z.string(),
  source: sourceSpanSchema,
  confidence: z.number().min(0).max(1),
});

/** One source line as the report shows it. */
export const reportLineSchema = z.object({
  text: z.string(),
  page: z.number().int().min(1),
  /** Section kind the line was read as part of ("header" for the contact block). */
  section: z.string().optional(),
});

/** The whole import report (JSON-serialisable). */
export const importReportSchema = z.object({
  lines: z.array(reportLineSchema),
  fields: z.array(importFieldSchema),
  warnings: z.array(z.string()),
  /** What the importer wants the person to know that is no problem ("Read from a LinkedIn export: …"). */
  notes: z.array(z.string()).optional(),
  /** Entries the importer is unsure of, each with what to check ("work[2]", "no employer was found"). */
  checks: z.array(z.object({ path: z.string(), message: z.string(), entryId: z.string().optional() })).optional(),
  /** Indices into `lines` of the lines whose text went into no field ("Not placed"). */
  unplaced: z.array(z.number().int().min(0)).optional(),
});

/** A character span in one source line. */
export type SourceSpan = z.infer<typeof sourceSpanSchema>;
/** One field the importer filled. */
export type ImportField = z.infer<typeof importFieldSchema>;
/** One source line of the report. */
export type ReportLine = z.infer<typeof reportLineSchema>;
/** How the importer read a file. */
export type ImportReport = z.infer<typeof importReportSchema>;

/** Builds a report for a CV that was read without source lines (e.g. JSON Resume). */
export function emptyReport(warnings: string[] = []): ImportReport {
  return { lines: [], fields: [], warnings };
}
