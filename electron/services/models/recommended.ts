/**
 * The recommended small instruct models, kept as data in resources/models.json.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';

/** One recommended model. */
export const recommendedModelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** `hf:<user>/<repo>/<file>.gguf` or an https URL. */
  uri: z.string().min(1),
  approxSizeBytes: z.number().int().positive(),
  /** RAM the model needs to run comfortably, in GB. */
  ramGb: z.number().positive(),
  contextLength: z.number().int().positive(),
  licence: z.string().min(1),
  notes: z.string().optional(),
  /** Languages the model's makers say it writes well (from its model card). */
  languages: z.array(z.string().min(1)).optional(),
  /** Only when taken from the file's page; never guessed. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** A recommended model. */
export type RecommendedModel = z.infer<typeof recommendedModelSchema>;

const fileSchema = z.object({ schemaVersion: z.literal(1), models: z.array(recommendedModelSchema) });

/**
 * Default location of the list: resources/models.json at the project (or app) root, found from
 * the sources (electron/services/models) or from a bundle (out/main).
 */
export const DEFAULT_MODELS_FILE = ((): string => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../../resources/models.json'),
    path.resolve(here, '../../resources/models.json'),
    path.resolve(process.cwd(), 'resources/models.json'),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
})();

/** Reads and validates the recommended list. */
export async function loadRecommendedModels(
  filePath: string = DEFAULT_MODELS_FILE,
): Promise<RecommendedModel[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(filePath, 'utf8'));
  } catch (error) {
    throw new AppError('corrupt-file', 'The list of recommended models could not be read.', { cause: error });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('corrupt-file', 'The list of recommended models is damaged.');
  return parsed.data.models;
}
