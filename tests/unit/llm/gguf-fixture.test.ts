import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gguf } from '@huggingface/gguf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listModels, readGgufInfo } from '../../../electron/services/llm/gguf-info';
import { makeTinyGguf, tinyGgufParameterCount, TINY_GGUF_PRESETS } from '../../fixtures/make-tiny-gguf';

describe('generated GGUF model and metadata reading', () => {
  let dir: string;
  let modelPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cv-tailor-gguf-'));
    modelPath = path.join(dir, 'models', 'tiny.gguf');
    await makeTinyGguf(modelPath, { name: 'Tiny Test', seed: 3 });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a file that @huggingface/gguf reads back with the expected metadata', async () => {
    const parsed = await gguf(modelPath, { allowLocalFile: true });
    const metadata = parsed.metadata as Record<string, unknown>;
    expect(metadata.version).toBe(3);
    expect(metadata['general.architecture']).toBe('llama');
    expect(metadata['tokenizer.ggml.add_space_prefix']).toBe(false);
    expect(metadata['tokenizer.ggml.model']).toBe('llama');
    const tokens = metadata['tokenizer.ggml.tokens'] as string[];
    expect(tokens).toContain('<0x0A>');
    expect(tokens).toContain('<|im_start|>');
    expect(tokens[metadata['tokenizer.ggml.eos_token_id'] as number]).toBe('<|im_end|>');
    expect(String(metadata['tokenizer.chat_template'])).toContain('<|im_start|>');
    expect(
      parsed.tensorInfos.find((tensor) => tensor.name === 'token_embd.weight')?.shape.map(Number),
    ).toEqual([64, tokens.length]);
  });

  it('is reproducible: the same seed gives the same bytes', async () => {
    const again = path.join(dir, 'again.gguf');
    const other = path.join(dir, 'other.gguf');
    const first = await makeTinyGguf(again, { name: 'Tiny Test', seed: 3 });
    await makeTinyGguf(other, { name: 'Tiny Test', seed: 4 });
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(again)).equals(await readFile(modelPath))).toBe(true);
    expect((await readFile(other)).equals(await readFile(modelPath))).toBe(false);
    expect(first.parameterCount).toBe(tinyGgufParameterCount({ seed: 3 }));
  });

  it('sizes the bench preset between 20 and 100 million parameters', () => {
    const count = tinyGgufParameterCount(TINY_GGUF_PRESETS.bench);
    expect(count).toBeGreaterThan(20e6);
    expect(count).toBeLessThan(100e6);
  });

  it('reads name, parameters, quantization, context length, template and architecture', async () => {
    const info = await readGgufInfo(modelPath);
    expect(info).toMatchObject({
      name: 'Tiny Test',
      architecture: 'llama',
      quantization: 'F32',
      contextLength: 2048,
      fileName: 'tiny.gguf',
    });
    expect(info.parameterCount).toBe(tinyGgufParameterCount({ seed: 3 }));
    expect(info.chatTemplate).toContain('<|im_start|>');
    expect(info.sizeBytes).toBeGreaterThan(100_000);
  });

  it('lists models in folders and files, with an error entry for a broken file', async () => {
    await mkdir(path.join(dir, 'models', 'nested'), { recursive: true });
    await writeFile(path.join(dir, 'models', 'nested', 'broken.gguf'), 'GGUF but not really');
    await writeFile(path.join(dir, 'models', 'notes.txt'), 'ignored');
    const entries = await listModels([path.join(dir, 'models'), modelPath, path.join(dir, 'missing-folder')]);
    expect(entries.map((entry) => entry.fileName).sort()).toEqual(['broken.gguf', 'tiny.gguf']);
    const broken = entries.find((entry) => entry.fileName === 'broken.gguf')!;
    expect(broken.info).toBeNull();
    expect(broken.error).toMatch(/not a readable GGUF/);
    expect(entries.find((entry) => entry.fileName === 'tiny.gguf')!.info?.architecture).toBe('llama');
  });

  it('reports a missing file as not-found', async () => {
    await expect(readGgufInfo(path.join(dir, 'nope.gguf'))).rejects.toMatchObject({ code: 'not-found' });
  });
});
