/**
 * Options of the commands that run a model (`tailor`, `letter`, `batch`), read into values with
 * user errors as AppError. Apart from args.ts so light commands never load the model services.
 */
import { AppError } from '../../../shared/errors';
import type { ProviderConfig } from '../../../shared/model/provider-config';
import { INTENSITIES, type Intensity } from '../../../shared/tailor/paths';
import { providerConfigFromOptions } from '../../services/tailor/inputs';

/** The `--intensity` option, balanced when absent; a user error for any other word. */
export function intensityOption(value: string | undefined): Intensity {
  const intensity = value ?? 'balanced';
  if (!(INTENSITIES as readonly string[]).includes(intensity))
    throw new AppError('invalid-input', `--intensity must be light, balanced or bold, not "${intensity}".`);
  return intensity as Intensity;
}

/** `--anonymize` / `--no-anonymize`: true, false, or undefined for the default. */
export function anonymizeOption(values: {
  anonymize?: boolean;
  'no-anonymize'?: boolean;
}): boolean | undefined {
  if (values.anonymize && values['no-anonymize'])
    throw new AppError('invalid-input', 'Choose either --anonymize or --no-anonymize.');
  return values.anonymize ? true : values['no-anonymize'] ? false : undefined;
}

/**
 * The model the options choose, or null for `--no-ai`; a user error when none is chosen or
 * `--no-ai` is combined with a model.
 */
export function modelOption(
  values: { model?: string; provider?: string; 'base-url'?: string; 'no-ai'?: boolean },
  cwd: string,
): ProviderConfig | null {
  if (values['no-ai']) {
    if (values.model || values.provider || values['base-url'])
      throw new AppError(
        'invalid-input',
        '--no-ai cannot be combined with --model, --provider or --base-url.',
      );
    return null;
  }
  const config = providerConfigFromOptions(
    { model: values.model, provider: values.provider, baseUrl: values['base-url'] },
    cwd,
  );
  if (!config)
    throw new AppError(
      'invalid-input',
      'Choose a model (--model <file.gguf>, or --provider … --base-url … --model …) or --no-ai.',
    );
  return config;
}
