/**
 * Tailoring patches: the schema a model answers in, validation against the CV and the intensity,
 * and application of the changes that are safe.
 *
 * A text patch names a path, echoes the text it replaces and gives the replacement and a reason.
 * A reorder names a list and the new order of its items. Validation is strict because the model
 * is not trusted: the path must exist and be editable, the echo must equal the current text, and
 * the run must stay within the intensity's budget.
 */
import { z } from 'zod';
import type { Cv } from '../model/cv';
import type { TruthFinding } from '../truth';
import {
  INTENSITY_RULES,
  classifyPath,
  editableTextPaths,
  getAtPath,
  listItemIds,
  listItems,
  parsePath,
  reorderAtPath,
  reorderablePaths,
  setAtPath,
  textAtPath,
  type Intensity,
} from './paths';

/** A text replacement proposed by a model. */
export const textPatchSchema = z.object({
  op: z.literal('replace').optional(),
  path: z.string(),
  original: z.string(),
  replacement: z.string(),
  reason: z.string(),
});
/** A text replacement as parsed. */
export type TextPatch = z.infer<typeof textPatchSchema>;

/** A reorder of a list: `order` lists item indices (0-based) or item ids, first item first. */
export const reorderPatchSchema = z.object({
  op: z.literal('reorder'),
  path: z.string(),
  order: z.array(z.union([z.number().int(), z.string()])),
  reason: z.string().optional(),
});
/** A reorder as parsed. */
export type ReorderPatch = z.infer<typeof reorderPatchSchema>;

/** Either kind of patch. */
export const patchSchema = z.union([reorderPatchSchema, textPatchSchema]);
/** A text replacement or a reorder. */
export type Patch = z.infer<typeof patchSchema>;

/** The whole answer a model gives to a tailoring prompt. */
export const tailorAnswerSchema = z.object({
  patches: z.array(textPatchSchema.omit({ op: true })),
  reorders: z
    .array(reorderPatchSchema.omit({ op: true }))
    .optional()
    .transform((value) => value ?? []),
});
/** A model's parsed answer. */
export type TailorAnswer = z.infer<typeof tailorAnswerSchema>;

/** The longest replacement accepted for an original of the given length. */
export function maxReplacementLength(original: string): number {
  return Math.max(original.length * 2, original.length + 200);
}

/** Options for the JSON schema given to the model. */
export interface AnswerSchemaOptions {
  /** The paths the model may replace (already filtered for intensity and context). */
  textPaths: readonly string[];
  /** The paths the model may reorder. */
  reorderPaths: readonly string[];
  maxReplacements: number;
  maxReorders: number;
  /**
   * `oneOf` for local grammars (node-llama-cpp), `anyOf` for remote structured output (OpenAI).
   *
   * With a composition, each path is its own variant whose `original` is a constant: the grammar
   * then makes the model echo the current text exactly, which small models fail to do freely.
   */
  composition: 'oneOf' | 'anyOf';
  /** Current texts by path, for the constant echoes. */
  texts: ReadonlyMap<string, string>;
  /** Add `maxLength` on replacements (local grammars enforce it; strict remote schemas may refuse it). */
  withLengthLimits: boolean;
}

/** The JSON schema of a tailoring answer, shaped so a grammar or strict structured output enforces it. */
export function answerJsonSchema(options: AnswerSchemaOptions): Record<string, unknown> {
  const variants = options.textPaths.map((path) => {
    const original = options.texts.get(path) ?? '';
    const replacement: Record<string, unknown> = { type: 'string' };
    if (options.withLengthLimits) replacement.maxLength = maxReplacementLength(original);
    return {
      type: 'object',
      properties: {
        path: { const: path },
        original: { const: original },
        replacement,
        reason: options.withLengthLimits ? { type: 'string', maxLength: 200 } : { type: 'string' },
      },
      required: ['path', 'original', 'replacement', 'reason'],
      additionalProperties: false,
    };
  });
  const patchItem =
    variants.length === 1
      ? variants[0]
      : variants.length === 0
        ? { type: 'object' }
        : { [options.composition]: variants };
  const patches: Record<string, unknown> = { type: 'array', items: patchItem };
  if (variants.length === 0) patches.maxItems = 0;
  else patches.maxItems = options.maxReplacements;
  const properties: Record<string, unknown> = { patches };
  const required = ['patches'];
  if (options.reorderPaths.length > 0 && options.maxReorders > 0) {
    properties.reorders = {
      type: 'array',
      maxItems: options.maxReorders,
      items: {
        type: 'object',
        properties: {
          path: { enum: [...options.reorderPaths] },
          order: { type: 'array', items: { type: 'integer' } },
          reason: { type: 'string' },
        },
        required: ['path', 'order', 'reason'],
        additionalProperties: false,
      },
    };
    required.push('reorders');
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

/** Collapses runs of whitespace and trims, so echoes are compared by their words. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits a skill group's keyword text into keywords. */
export function splitKeywords(text: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const keyword = normaliseWhitespace(part);
    const key = keyword.toLowerCase();
    if (keyword !== '' && !seen.has(key)) {
      seen.add(key);
      result.push(keyword);
    }
  }
  return result;
}

/** Why a patch was refused before any truth check. */
export const REJECTION_REASONS = [
  'bad-path',
  'missing-path',
  'not-editable',
  'wrong-echo',
  'unchanged',
  'empty',
  'too-long',
  'duplicate',
  'over-budget',
  'bad-order',
  'new-keyword',
] as const;
/** One reason for refusing a patch. */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** A patch that validation refused. */
export interface RejectedPatch {
  patch: Patch;
  reason: RejectionReason;
  message: string;
}

/** A validated text replacement. */
export interface ValidTextPatch {
  op: 'replace';
  path: string;
  /** The CV's current text at the path (not the model's echo). */
  original: string;
  replacement: string;
  reason: string;
}

/** A validated reorder with its full permutation of indices. */
export interface ValidReorder {
  op: 'reorder';
  path: string;
  /** New position → old index, covering every item. */
  order: number[];
  /** Items before and after, joined by newlines (what a person reads in the diff). */
  original: string;
  replacement: string;
  reason: string;
}

/** A patch that passed validation. */
export type ValidPatch = ValidTextPatch | ValidReorder;

/** The outcome of validating a model's patches. */
export interface PatchValidation {
  accepted: ValidPatch[];
  rejected: RejectedPatch[];
}

function reject(patch: Patch, reason: RejectionReason, message: string): RejectedPatch {
  return { patch, reason, message };
}

function allSkillKeywords(cv: Cv): Set<string> {
  const set = new Set<string>();
  for (const skill of cv.skills ?? [])
    for (const keyword of skill.keywords ?? []) set.add(normaliseWhitespace(keyword).toLowerCase());
  return set;
}

/**
 * Turns a model's order (indices or ids, possibly only the first few items) into a full permutation.
 *
 * Items not named keep their relative order after the named ones. Returns a message on error.
 */
export function resolveOrder(
  order: readonly (number | string)[],
  ids: readonly string[],
  labels: readonly string[],
): number[] | string {
  if (order.length === 0) return 'the order is empty';
  const picked: number[] = [];
  for (const item of order) {
    let index: number;
    if (typeof item === 'number') index = item;
    else {
      index = ids.indexOf(item);
      if (index < 0)
        index = labels.findIndex(
          (label) => normaliseWhitespace(label).toLowerCase() === normaliseWhitespace(item).toLowerCase(),
        );
      if (index < 0 && /^\d+$/.test(item)) index = Number(item);
    }
    if (!Number.isInteger(index) || index < 0 || index >= ids.length)
      return `"${String(item)}" is not an item of the list`;
    if (picked.includes(index)) return `item ${String(item)} is listed twice`;
    picked.push(index);
  }
  for (let index = 0; index < ids.length; index += 1) if (!picked.includes(index)) picked.push(index);
  return picked;
}

function validateText(cv: Cv, patch: TextPatch, intensity: Intensity): ValidTextPatch | RejectedPatch {
  const path = patch.path.trim();
  if (!parsePath(path)) return reject(patch, 'bad-path', `"${patch.path}" is not a CV path.`);
  const kind = classifyPath(path, 'replace');
  if (!kind || !INTENSITY_RULES[intensity].kinds.has(kind)) {
    return reject(patch, 'not-editable', `${path} may not be rewritten at ${intensity} intensity.`);
  }
  const current = textAtPath(cv, path);
  if (current === undefined) return reject(patch, 'missing-path', `The CV has no text at ${path}.`);
  if (normaliseWhitespace(patch.original) !== normaliseWhitespace(current)) {
    return reject(patch, 'wrong-echo', `The text quoted for ${path} is not the CV's current text there.`);
  }
  const replacement =
    kind === 'skill-keywords' ? splitKeywords(patch.replacement).join(', ') : patch.replacement.trim();
  if (replacement === '') return reject(patch, 'empty', `The replacement for ${path} is empty.`);
  if (normaliseWhitespace(replacement) === normaliseWhitespace(current)) {
    return reject(patch, 'unchanged', `The replacement for ${path} is the same text.`);
  }
  if (replacement.length > maxReplacementLength(current)) {
    return reject(patch, 'too-long', `The replacement for ${path} is much longer than the original.`);
  }
  if (kind === 'skill-keywords') {
    const known = allSkillKeywords(cv);
    const added = splitKeywords(replacement).filter((keyword) => !known.has(keyword.toLowerCase()));
    if (added.length > 0) {
      return reject(
        patch,
        'new-keyword',
        `Skills can only be regrouped, not added (${added.join(', ')}): add a skill yourself if you have it.`,
      );
    }
  }
  return { op: 'replace', path, original: current, replacement, reason: patch.reason.trim() };
}

function validateReorder(cv: Cv, patch: ReorderPatch, intensity: Intensity): ValidReorder | RejectedPatch {
  const path = patch.path.trim();
  if (path !== 'sections' && !parsePath(path))
    return reject(patch, 'bad-path', `"${patch.path}" is not a CV path.`);
  const kind = classifyPath(path, 'reorder');
  if (!kind || !INTENSITY_RULES[intensity].kinds.has(kind)) {
    return reject(patch, 'not-editable', `${path} may not be reordered at ${intensity} intensity.`);
  }
  const labels = listItems(cv, path);
  const ids = listItemIds(cv, path);
  if (!labels || !ids) return reject(patch, 'missing-path', `The CV has no list at ${path}.`);
  const order = resolveOrder(patch.order, ids, labels);
  if (typeof order === 'string') return reject(patch, 'bad-order', `Cannot reorder ${path}: ${order}.`);
  if (order.every((value, index) => value === index)) {
    return reject(patch, 'unchanged', `The new order of ${path} is the current order.`);
  }
  return {
    op: 'reorder',
    path,
    order,
    original: labels.join('\n'),
    replacement: order.map((index) => labels[index]).join('\n'),
    reason: (patch.reason ?? '').trim(),
  };
}

/**
 * Validates patches against the CV at an intensity; every refusal carries its reason.
 *
 * Patches are taken in order: once the intensity's budget is spent the rest are refused, and a
 * second patch for a path already changed is refused as a duplicate.
 */
export function validatePatches(cv: Cv, patches: readonly Patch[], intensity: Intensity): PatchValidation {
  const rules = INTENSITY_RULES[intensity];
  const accepted: ValidPatch[] = [];
  const rejected: RejectedPatch[] = [];
  const usedPaths = new Set<string>();
  let replacements = 0;
  let reorders = 0;
  for (const patch of patches) {
    const result =
      patch.op === 'reorder' ? validateReorder(cv, patch, intensity) : validateText(cv, patch, intensity);
    if ('patch' in result) {
      rejected.push(result);
      continue;
    }
    if (usedPaths.has(result.path)) {
      rejected.push(
        reject(patch, 'duplicate', `${result.path} is changed twice; only the first change is kept.`),
      );
      continue;
    }
    const isReorder = result.op === 'reorder';
    if (isReorder ? reorders >= rules.maxReorders : replacements >= rules.maxReplacements) {
      rejected.push(
        reject(
          patch,
          'over-budget',
          `${intensity} intensity allows at most ${isReorder ? rules.maxReorders : rules.maxReplacements} ${isReorder ? 'reorders' : 'rewrites'}.`,
        ),
      );
      continue;
    }
    if (isReorder) reorders += 1;
    else replacements += 1;
    usedPaths.add(result.path);
    accepted.push(result);
  }
  return { accepted, rejected };
}

/** What became of a proposed change. */
export const CHANGE_STATUSES = ['applied', 'reverted', 'needs-review'] as const;
/** What became of one change. */
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** A proposed change with the verdict of the truth checks. */
export interface TailorChange {
  op: 'replace' | 'reorder';
  path: string;
  original: string;
  replacement: string;
  reason: string;
  status: ChangeStatus;
  findings: TruthFinding[];
  /** For reorders: new position → old index. */
  order?: number[];
}

/**
 * The status a change gets from its findings.
 *
 * A finding the checks mark `revert` (a changed or invented number or date) reverts the change
 * outright; any other finding holds it for the person's review; none applies it.
 */
export function statusFromFindings(findings: readonly TruthFinding[]): ChangeStatus {
  if (findings.some((finding) => finding.severity === 'revert')) return 'reverted';
  if (findings.length > 0) return 'needs-review';
  return 'applied';
}

/** Makes a change record from a validated patch and its findings. */
export function toChange(patch: ValidPatch, findings: TruthFinding[]): TailorChange {
  const change: TailorChange = {
    op: patch.op,
    path: patch.path,
    original: patch.original,
    replacement: patch.replacement,
    reason: patch.reason,
    status: patch.op === 'reorder' ? 'applied' : statusFromFindings(findings),
    findings: patch.op === 'reorder' ? [] : findings,
  };
  if (patch.op === 'reorder') change.order = [...patch.order];
  return change;
}

function pathDepth(path: string): number {
  return (parsePath(path) ?? []).length;
}

/**
 * Applies changes to a CV and returns the new CV; the input is never modified.
 *
 * By default only `applied` changes are used; pass `include` to apply others the person kept.
 * Text changes go first and reorders after, so every index refers to the original CV.
 */
export function applyChanges(
  cv: Cv,
  changes: readonly TailorChange[],
  include: (change: TailorChange) => boolean = (change) => change.status === 'applied',
): Cv {
  let result = cv;
  const chosen = changes.filter(include);
  for (const change of chosen) {
    if (change.op !== 'replace') continue;
    const value = Array.isArray(getAtPath(result, change.path))
      ? splitKeywords(change.replacement)
      : change.replacement;
    result = setAtPath(result, change.path, value);
  }
  // Inner lists before the lists that hold them, so `skills[2].keywords` still names the same group.
  const reorders = chosen
    .filter((change) => change.op === 'reorder' && change.order)
    .sort((a, b) => pathDepth(b.path) - pathDepth(a.path));
  for (const change of reorders) result = reorderAtPath(result, change.path, change.order ?? []);
  return result;
}

/** Every path a run at this intensity may touch, for prompts and schemas. */
export function editablePaths(cv: Cv, intensity: Intensity): { text: string[]; reorder: string[] } {
  return { text: editableTextPaths(cv, intensity), reorder: reorderablePaths(cv, intensity) };
}
