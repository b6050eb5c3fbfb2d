/**
 * Automatic reversal of changed numbers and dates, which the product never lets through.
 */
import { extractQuantities, quantityMatches, type Quantity } from './quantities';

/** The outcome of `revertNumbers`. */
export interface RevertResult {
  /** The replacement with every unsupported number put back, or the original text. */
  text: string;
  /** Each substitution made, in text order. */
  reverted: Array<{ from: string; to: string }>;
  /** True when the numbers could not be put back one by one and the whole original was kept. */
  wholeField: boolean;
}

function unsupported(quantities: Quantity[], sources: Quantity[]): Quantity[] {
  return quantities.filter((quantity) => !sources.some((source) => quantityMatches(quantity, source)));
}

/**
 * Puts the original numbers and dates back into a rewritten text.
 *
 * When the rewrite keeps the original's quantities in the same order, each changed one is
 * replaced by the original's quantity at the same place ("40%" back for "45%") and the rest of
 * the rewrite survives. Otherwise (a number added or dropped, the order changed) the whole
 * original text is returned: a half-reverted sentence could state a new fact of its own.
 * `context` is more text whose numbers may stay (the rest of the same entry).
 */
export function revertNumbers(original: string, replacement: string, context = ''): RevertResult {
  const originalQuantities = extractQuantities(original);
  const sources = [...originalQuantities, ...extractQuantities(context)];
  const tailored = extractQuantities(replacement);
  const wrong = unsupported(tailored, sources);
  if (wrong.length === 0) return { text: replacement, reverted: [], wholeField: false };
  if (tailored.length === originalQuantities.length) {
    const aligned = tailored.every(
      (quantity, index) => wrong.includes(quantity) || quantityMatches(quantity, originalQuantities[index]),
    );
    if (aligned) {
      let text = replacement;
      const reverted: RevertResult['reverted'] = [];
      for (let index = tailored.length - 1; index >= 0; index -= 1) {
        const quantity = tailored[index];
        if (!wrong.includes(quantity)) continue;
        const source = originalQuantities[index];
        text = `${text.slice(0, quantity.start)}${source.text}${text.slice(quantity.end)}`;
        reverted.unshift({ from: quantity.text, to: source.text });
      }
      if (unsupported(extractQuantities(text), sources).length === 0)
        return { text, reverted, wholeField: false };
    }
  }
  return {
    text: original,
    reverted: wrong.map((quantity) => ({ from: quantity.text, to: '' })),
    wholeField: true,
  };
}
