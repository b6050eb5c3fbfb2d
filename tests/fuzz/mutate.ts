/**
 * Seeded mutations of document files for fuzzing the importers: byte flips, truncations,
 * deleted, duplicated and zeroed chunks, the same for every run with the same seed.
 */

/** A small seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The kinds of mutation: the first five work on bytes, the last two on a PDF's syntax. */
export const MUTATION_KINDS = 7;

/** One mutated copy of `bytes`, and how it was made, using the first `kinds` kinds. */
export function mutate(
  bytes: Uint8Array,
  random: () => number,
  kinds = MUTATION_KINDS,
): { bytes: Uint8Array; how: string } {
  const at = (): number => Math.floor(random() * bytes.length);
  const kind = Math.floor(random() * kinds);
  const copy = new Uint8Array(bytes);
  switch (kind) {
    case 0: {
      const flips = 1 + Math.floor(random() * 32);
      for (let index = 0; index < flips; index += 1) copy[at()] = Math.floor(random() * 256);
      return { bytes: copy, how: `${flips} bytes changed` };
    }
    case 1: {
      const end = at();
      return { bytes: bytes.slice(0, end), how: `truncated at ${end}` };
    }
    case 2: {
      const start = at();
      const length = Math.min(bytes.length - start, 1 + Math.floor(random() * 4096));
      const out = new Uint8Array(bytes.length - length);
      out.set(bytes.subarray(0, start));
      out.set(bytes.subarray(start + length), start);
      return { bytes: out, how: `${length} bytes deleted at ${start}` };
    }
    case 3: {
      const start = at();
      const length = Math.min(bytes.length - start, 1 + Math.floor(random() * 4096));
      const out = new Uint8Array(bytes.length + length);
      out.set(bytes.subarray(0, start + length));
      out.set(bytes.subarray(start), start + length);
      return { bytes: out, how: `${length} bytes duplicated at ${start}` };
    }
    case 4: {
      const start = at();
      const length = Math.min(bytes.length - start, 1 + Math.floor(random() * 2048));
      copy.fill(0, start, start + length);
      return { bytes: copy, how: `${length} bytes zeroed at ${start}` };
    }
    case 5: {
      const start = at();
      const garbage = Uint8Array.from({ length: 1 + Math.floor(random() * 200) }, () =>
        Math.floor(random() * 256),
      );
      const out = new Uint8Array(bytes.length + garbage.length);
      out.set(bytes.subarray(0, start));
      out.set(garbage, start);
      out.set(bytes.subarray(start), start + garbage.length);
      return { bytes: out, how: `${garbage.length} random bytes inserted at ${start}` };
    }
    default: {
      // Digits swapped: lengths, offsets and object numbers go wrong while the syntax stays plausible.
      const swaps = 1 + Math.floor(random() * 8);
      for (let index = 0; index < swaps; index += 1) {
        const position = at();
        if (copy[position] >= 0x30 && copy[position] <= 0x39)
          copy[position] = 0x30 + Math.floor(random() * 10);
      }
      return { bytes: copy, how: `${swaps} digits swapped` };
    }
  }
}
