/**
 * Recovers a JSON value from a model's free text: the first object (or array) in it, with the
 * usual small-model slips fixed (code fences, comments, trailing commas, single quotes,
 * unquoted keys, Python literals, a cut-off end). Pure functions.
 */

/** Returns the text of the first balanced `{…}` (or `[…]`) in `text`, or its unclosed tail. */
export function extractFirstJson(text: string): string | null {
  const start = text.search(/[{[]/);
  if (start < 0) return null;
  const stack: string[] = [];
  let quote: string | null = null;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '{' || char === '[') stack.push(char === '{' ? '}' : ']');
    else if (char === '}' || char === ']') {
      stack.pop();
      if (stack.length === 0) return text.slice(start, index + 1);
    }
  }
  return text.slice(start);
}

/** Rewrites near-JSON into JSON outside of strings; closes what a cut-off answer left open. */
export function repairJson(candidate: string): string {
  let output = '';
  const stack: string[] = [];
  let index = 0;
  while (index < candidate.length) {
    const char = candidate[index];
    if (char === '"' || char === "'") {
      let end = index + 1;
      let body = '';
      while (end < candidate.length && candidate[end] !== char) {
        if (candidate[end] === '\\' && end + 1 < candidate.length) {
          body += candidate[end] + candidate[end + 1];
          end += 2;
          continue;
        }
        // A raw newline inside a string is invalid JSON; escape it.
        body += candidate[end] === '\n' ? '\\n' : candidate[end] === '"' ? '\\"' : candidate[end];
        end++;
      }
      if (char === "'") body = body.replace(/\\'/g, "'");
      output += `"${body}"`;
      index = end + 1;
      continue;
    }
    if (char === '/' && candidate[index + 1] === '/') {
      while (index < candidate.length && candidate[index] !== '\n') index++;
      continue;
    }
    if (char === '/' && candidate[index + 1] === '*') {
      const end = candidate.indexOf('*/', index + 2);
      index = end < 0 ? candidate.length : end + 2;
      continue;
    }
    if (char === '{' || char === '[') stack.push(char === '{' ? '}' : ']');
    if (char === '}' || char === ']') {
      stack.pop();
      output = output.replace(/,\s*$/, '');
    }
    if (/[A-Za-z_$]/.test(char)) {
      const word = /^[A-Za-z_$][\w$-]*/.exec(candidate.slice(index))![0];
      const after = candidate.slice(index + word.length).trimStart();
      if (after.startsWith(':')) output += JSON.stringify(word);
      else if (word === 'True' || word === 'False' || word === 'None')
        output += word === 'None' ? 'null' : word.toLowerCase();
      else output += word;
      index += word.length;
      continue;
    }
    output += char;
    index++;
  }
  output = output.replace(/,\s*$/, '').replace(/:\s*$/, ': null');
  while (stack.length > 0) output += stack.pop();
  return output;
}

/** Parses the first JSON value in free text, repairing it when needed; null when hopeless. */
export function parseJsonFromText(text: string): unknown {
  const unfenced = text.replace(/```(?:json)?/gi, '');
  const candidate = extractFirstJson(unfenced);
  if (candidate === null) return null;
  try {
    return JSON.parse(candidate);
  } catch {
    try {
      return JSON.parse(repairJson(candidate));
    } catch {
      return null;
    }
  }
}
