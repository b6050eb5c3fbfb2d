import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { REMOTE_PRESETS } from '../../../shared/model/provider-config';
import {
  RemoteProvider,
  retryAfterMs,
  type RemoteProviderOptions,
} from '../../../electron/services/llm/remote-provider';
import { startOpenAiServer, type OpenAiServer, type OpenAiServerOptions } from '../../fixtures/openai-server';

const schema = {
  name: 'job_summary',
  jsonSchema: {
    type: 'object',
    properties: { title: { type: 'string' }, seniority: { enum: ['junior', 'senior'] } },
    required: ['title', 'seniority'],
    additionalProperties: false,
  },
  zod: z.object({ title: z.string(), seniority: z.enum(['junior', 'senior']) }),
};
const messages = [
  { role: 'system' as const, content: 'You read job postings.' },
  { role: 'user' as const, content: 'Senior Rust engineer wanted.' },
];

let server: OpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(
  serverOptions: OpenAiServerOptions = {},
  providerOptions: Partial<RemoteProviderOptions> = {},
) {
  server = await startOpenAiServer(serverOptions);
  const provider = new RemoteProvider({
    providerId: 'test',
    baseUrl: server.url,
    model: 'test-model',
    apiKey: null,
    retryBaseDelayMs: 5,
    ...providerOptions,
  });
  return { server, provider };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

describe('remote provider against a loopback OpenAI-compatible server', () => {
  it('lists the presets with their default base URLs', () => {
    expect(Object.fromEntries(REMOTE_PRESETS.map((preset) => [preset.id, preset.baseUrl]))).toEqual({
      openai: 'https://api.openai.com/v1',
      ollama: 'http://127.0.0.1:11434/v1',
      'lm-studio': 'http://127.0.0.1:1234/v1',
      'llama-cpp': 'http://127.0.0.1:8080/v1',
      vllm: 'http://127.0.0.1:8000/v1',
    });
  });

  it('tests the connection: latency and the model list', async () => {
    const { provider } = await setup({ models: ['a-model', 'test-model'] });
    const report = await provider.testConnection();
    expect(report.models).toEqual(['a-model', 'test-model']);
    expect(report.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('returns a plain chat answer with usage', async () => {
    const { server, provider } = await setup();
    server.enqueue({
      content: 'Hello there',
      usage: { prompt_tokens: 12, completion_tokens: 3, cached_tokens: 8 },
    });
    const result = await provider.chat(messages, { maxTokens: 50, temperature: 0.2, seed: 4 });
    expect(result.text).toBe('Hello there');
    expect(result.usage).toEqual({ promptTokens: 12, completionTokens: 3, cachedPromptTokens: 8 });
    const body = server.requests.at(-1)!.body!;
    expect(body).toMatchObject({ model: 'test-model', max_tokens: 50, temperature: 0.2, seed: 4 });
    expect(body.stream).toBe(false);
  });

  it('streams chunks through onToken and ends with the full text', async () => {
    const { server, provider } = await setup();
    server.enqueue({ content: 'A streamed answer in pieces', chunkSize: 3 });
    const chunks: string[] = [];
    const result = await provider.chat(messages, { onToken: (text) => chunks.push(text) });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe('A streamed answer in pieces');
    expect(result.text).toBe('A streamed answer in pieces');
    expect(server.requests.at(-1)!.body!.stream).toBe(true);
  });

  it('uses json_schema when the server accepts it', async () => {
    const { server, provider } = await setup();
    server.enqueue({ content: { title: 'Rust engineer', seniority: 'senior' } });
    const result = await provider.structured(messages, schema);
    expect(result).toMatchObject({
      mode: 'json_schema',
      value: { title: 'Rust engineer', seniority: 'senior' },
    });
    const format = server.requests.at(-1)!.body!.response_format as {
      type: string;
      json_schema: { strict: boolean };
    };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.strict).toBe(true);
  });

  it('falls back to json_object when json_schema is rejected, and remembers it', async () => {
    const { server, provider } = await setup({ rejectJsonSchema: true });
    server.enqueue(
      { content: { title: 'A', seniority: 'junior' } },
      { content: { title: 'B', seniority: 'senior' } },
    );
    const first = await provider.structured(messages, schema);
    expect(first.mode).toBe('json_object');
    expect(first.value.title).toBe('A');
    const second = await provider.structured(messages, schema);
    expect(second.value.title).toBe('B');
    const formats = server.requests.map(
      (request) => (request.body!.response_format as { type: string }).type,
    );
    expect(formats).toEqual(['json_schema', 'json_object', 'json_object']);
    expect(String((server.requests[1].body!.messages as Array<{ content: string }>)[0].content)).toContain(
      'JSON schema',
    );
  });

  it('falls back to prompt-and-repair and repairs free text around the JSON', async () => {
    const { server, provider } = await setup({ rejectJsonSchema: true, rejectJsonObject: true });
    server.enqueue({
      content:
        'Sure! Here it is:\n```json\n{ title: \'Data lead\', "seniority": "senior", }\n```\nHope that helps.',
    });
    const result = await provider.structured(messages, schema);
    expect(result.mode).toBe('prompt');
    expect(result.value).toEqual({ title: 'Data lead', seniority: 'senior' });
    expect(server.requests.at(-1)!.body!.response_format).toBeUndefined();
  });

  it('asks for a correction when the JSON fails validation, within a bounded number of tries', async () => {
    const { server, provider } = await setup({}, { repairAttempts: 1 });
    server.enqueue(
      { content: { title: 'X', seniority: 'medium' } },
      { content: { title: 'X', seniority: 'junior' } },
    );
    const result = await provider.structured(messages, schema);
    expect(result.value.seniority).toBe('junior');
    const lastMessages = server.requests.at(-1)!.body!.messages as Array<{ role: string; content: string }>;
    expect(lastMessages.at(-1)!.content).toMatch(/not valid \(seniority/);
    server.enqueue({ content: 'no json at all' }, { content: 'still none' }, { content: 'never reached' });
    const error = await rejection(provider.structured(messages, schema));
    expect(error.code).toBe('model-error');
    expect(error.message).toContain('after 2 tries');
  });

  it('retries 429 after the Retry-After delay and then succeeds', async () => {
    const { server, provider } = await setup();
    server.enqueue(
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 503 },
      { content: 'third time' },
    );
    const result = await provider.chat(messages);
    expect(result.text).toBe('third time');
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the bounded retries with a rate-limit message', async () => {
    const { server, provider } = await setup({}, { maxRetries: 2 });
    server.enqueue({ status: 429 }, { status: 429 }, { status: 429 }, { content: 'never' });
    const error = await rejection(provider.chat(messages));
    expect(error.code).toBe('rate-limited');
    expect(server.requests).toHaveLength(3);
  });

  it('does not wait for a Retry-After longer than the limit', async () => {
    const { server, provider } = await setup({}, { maxRetryDelayMs: 1000 });
    server.enqueue({ status: 429, headers: { 'retry-after': '3600' } });
    const error = await rejection(provider.chat(messages));
    expect(error.code).toBe('rate-limited');
    expect(server.requests).toHaveLength(1);
  });

  it('parses Retry-After in seconds, milliseconds and as a date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '150' }))).toBe(150);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(retryAfterMs(new Headers({}))).toBeNull();
  });

  it('reports a 500 after retries as a server error', async () => {
    const { server, provider } = await setup({}, { maxRetries: 1 });
    server.enqueue({ status: 500 }, { status: 500 });
    const error = await rejection(provider.chat(messages));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/internal error \(500\)/);
  });

  it('reports 401 as auth without retrying', async () => {
    const { server, provider } = await setup({ apiKey: 'right-key' }, { apiKey: 'wrong-key-1234567890' });
    const error = await rejection(provider.chat(messages));
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(/refused the API key \(401\)/);
    expect(error.message).not.toContain('wrong-key');
    expect(server.requests).toHaveLength(1);
  });

  it('sends the key as a bearer token', async () => {
    const { server, provider } = await setup({ apiKey: 'right-key' }, { apiKey: 'right-key' });
    expect((await provider.chat(messages)).text).toBe('OK');
    expect(server.requests[0].headers.authorization).toBe('Bearer right-key');
  });

  it('reports an unknown model as model-not-found', async () => {
    const { provider } = await setup({ models: ['other-model'] });
    const error = await rejection(provider.chat(messages));
    expect(error.code).toBe('model-not-found');
    expect(error.message).toContain('"test-model"');
  });

  it('reports a 400 context overflow as context-overflow', async () => {
    const { provider } = await setup({ contextSize: 5 });
    const error = await rejection(provider.chat(messages));
    expect(error.code).toBe('context-overflow');
  });

  it('says the server is not running when the connection is refused', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const provider = new RemoteProvider({
      providerId: 'x',
      baseUrl: `http://127.0.0.1:${port}/v1`,
      model: 'm',
      apiKey: null,
      maxRetries: 0,
    });
    const error = await rejection(provider.chat(messages));
    expect(error.code).toBe('network');
    expect(error.message).toBe(`Could not connect to http://127.0.0.1:${port} — is the server running?`);
  });

  it('reports a name that does not resolve as a DNS failure', async () => {
    const provider = new RemoteProvider({
      providerId: 'x',
      baseUrl: 'http://no-such-host.invalid/v1',
      model: 'm',
      apiKey: null,
      maxRetries: 0,
    });
    const error = await rejection(provider.chat(messages));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/Could not find the server no-such-host\.invalid/);
  });

  it('times out a slow answer with a timeout error', async () => {
    const { server, provider } = await setup({}, { timeoutMs: 150, maxRetries: 0 });
    server.enqueue({ content: 'late', delayMs: 1500 });
    const error = await rejection(provider.chat(messages));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 0\.2 s|did not answer within 0\.1 s/);
  });

  it('times out a stream that goes silent between chunks', async () => {
    const { server, provider } = await setup({}, { timeoutMs: 200, maxRetries: 0 });
    server.enqueue({ content: 'abcdefgh', chunkSize: 2, chunkDelayMs: 600 });
    const error = await rejection(provider.chat(messages, { onToken: () => undefined }));
    expect(error.code).toBe('timeout');
  });

  it('reports a stream cut mid-way as a lost connection, without retrying after text arrived', async () => {
    const { server, provider } = await setup();
    server.enqueue(
      { content: 'partial answer that never ends', chunkSize: 4, cutAfterChunks: 2 },
      { content: 'should not be used' },
    );
    const chunks: string[] = [];
    const error = await rejection(provider.chat(messages, { onToken: (text) => chunks.push(text) }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/lost/);
    expect(chunks.join('')).toBe('partial ');
    expect(server.requests).toHaveLength(1);
  });

  it('reports an error event sent mid-stream', async () => {
    const { server, provider } = await setup();
    server.enqueue({ content: 'some text before the crash', errorAfterChunks: 2 });
    const error = await rejection(provider.chat(messages, { onToken: () => undefined }));
    expect(error.code).toBe('model-error');
    expect(error.message).toMatch(/crashed while generating/);
  });

  it('cancels a streaming request through the AbortSignal', async () => {
    const { server, provider } = await setup();
    server.enqueue({ content: 'x'.repeat(400), chunkSize: 4, chunkDelayMs: 20 });
    const controller = new AbortController();
    let abortedAt = 0;
    const promise = provider.chat(messages, {
      signal: controller.signal,
      onToken: () => {
        if (!abortedAt) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    const error = await rejection(promise);
    console.log(`remote cancel: rejected ${(performance.now() - abortedAt).toFixed(1)} ms after abort()`);
    expect(error.code).toBe('cancelled');
  });

  it('reads the context window from the model list when the server gives it', async () => {
    const { provider } = await setup({ modelFields: { max_model_len: 32768 } });
    expect(await provider.contextSize()).toBe(32768);
    const { provider: plain } = await (async () => {
      await server?.close();
      return setup();
    })();
    expect(await plain.contextSize()).toBe(8192);
  });
});
