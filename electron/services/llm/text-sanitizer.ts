/**
 * Cleans text produced by a model so that what reaches the app is well-formed.
 *
 * Small or random models emit byte tokens that do not form valid UTF-8; the detokenizer turns
 * those into U+FFFD or stray control bytes. They carry no meaning and break JSON and documents,
 * so they are dropped. Streaming keeps a trailing high surrogate until its partner arrives so a
 * character split across chunks is not destroyed.
 */

// C0/C1 controls except tab, newline and carriage return, the replacement character, and
// surrogates that are not part of a pair.
/* eslint-disable no-control-regex -- matching control characters is the purpose */
const UNWANTED =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/** Removes invalid-UTF-8 debris, lone surrogates and control characters (keeps \t \n \r). */
export function sanitizeModelText(text: string): string {
  return text.replace(UNWANTED, '');
}

/** Sanitizes a stream of chunks; what `push` returns, concatenated, equals sanitizing the whole. */
export class StreamingSanitizer {
  private pending = '';

  /** Returns the clean text that can be emitted now. */
  push(chunk: string): string {
    const text = this.pending + chunk;
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.pending = text.slice(-1);
      return sanitizeModelText(text.slice(0, -1));
    }
    this.pending = '';
    return sanitizeModelText(text);
  }

  /** Returns whatever is still held back (a lone high surrogate is dropped). */
  flush(): string {
    const rest = sanitizeModelText(this.pending);
    this.pending = '';
    return rest;
  }
}
