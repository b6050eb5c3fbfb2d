import { describe, expect, it } from 'vitest';
import { extractFirstJson, parseJsonFromText, repairJson } from '../../../electron/services/llm/json-repair';
import { sanitizeModelText, StreamingSanitizer } from '../../../electron/services/llm/text-sanitizer';

describe('JSON recovery from free text', () => {
  it('extracts the first balanced object, ignoring braces inside strings', () => {
    expect(extractFirstJson('Here: {"a": "x}y", "b": [1, {"c": 2}]} and {"d": 3}')).toBe(
      '{"a": "x}y", "b": [1, {"c": 2}]}',
    );
    expect(extractFirstJson('no json here')).toBeNull();
  });

  it('repairs trailing commas, single quotes, unquoted keys, comments and Python literals', () => {
    const text = "{ name: 'Ada', // the name\n \"tags\": ['x', 'y',], ok: True, none: None, /* gone */ }";
    expect(JSON.parse(repairJson(text))).toEqual({ name: 'Ada', tags: ['x', 'y'], ok: true, none: null });
  });

  it('closes an answer that was cut off', () => {
    expect(parseJsonFromText('{"summary": "Led the team", "skills": ["Go", "Rust"')).toEqual({
      summary: 'Led the team',
      skills: ['Go', 'Rust'],
    });
  });

  it('reads JSON inside a fenced code block with prose around it', () => {
    expect(parseJsonFromText('Sure!\n```json\n{"a": 1,}\n```\nDone.')).toEqual({ a: 1 });
  });

  it('keeps apostrophes inside double-quoted strings and escapes raw newlines', () => {
    expect(parseJsonFromText('{"text": "It\'s fine\nreally"}')).toEqual({ text: "It's fine\nreally" });
  });

  it('returns null when nothing can be recovered', () => {
    expect(parseJsonFromText('I cannot help with that.')).toBeNull();
  });
});

describe('model text sanitizing', () => {
  it('drops replacement characters, control bytes and lone surrogates but keeps real characters', () => {
    expect(sanitizeModelText('a\ufffdb\u0002c\td\ne\ud800f😀é')).toBe('abc\td\nef😀é');
  });

  it('keeps a surrogate pair split across stream chunks', () => {
    const sanitizer = new StreamingSanitizer();
    const emoji = '😀';
    const out =
      sanitizer.push(`x${emoji[0]}`) +
      sanitizer.push(`${emoji[1]}y`) +
      sanitizer.push('\ud83d') +
      sanitizer.flush();
    expect(out).toBe(`x${emoji}y`);
  });
});
