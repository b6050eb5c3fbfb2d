/**
 * Walks simple HTML (mammoth's output, or an HTML page) into source lines, using headings, list
 * items and bold runs as structure. Scripts, styles and comments are dropped; tags never reach
 * the text.
 */
import type { SourceLine } from '../../../shared/import/source-line';

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'li', 'tr', 'td', 'th', 'table',
  'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'dt', 'dd', 'dl', 'address', 'figure',
  'figcaption', 'hr', 'title', 'body', 'html',
]);
const SKIP_TAGS = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'iframe', 'object']);
const BOLD_TAGS = new Set(['b', 'strong', 'th']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', bull: '•', middot: '·',
  hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', eacute: 'é', egrave: 'è', agrave: 'à', uuml: 'ü',
  ouml: 'ö', auml: 'ä', szlig: 'ß', ntilde: 'ñ', ccedil: 'ç', copy: '©', reg: '®', trade: '™', euro: '€',
};

/** Decodes HTML character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const value = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '';
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

interface Run {
  text: string;
  bold: boolean;
}

/** Converts HTML to source lines (one per block), marking headings, list items and bold lines. */
export function htmlToLines(html: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const token = /<\s*(\/)?\s*([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/)?\s*>|<![^>]*>|<\?[^>]*>|([^<]+)|(<)/g;
  let runs: Run[] = [];
  let boldDepth = 0;
  let skipDepth = 0;
  let heading: number | undefined;
  let listDepth = 0;
  let inItem = false;
  const openHref: string[] = [];

  const flush = () => {
    const text = runs.map((run) => run.text).join('').replace(/\s+/g, ' ').trim();
    if (text) {
      const letters = runs.reduce((sum, run) => sum + (run.text.match(/\p{L}/gu)?.length ?? 0), 0);
      const boldLetters = runs.reduce((sum, run) => sum + (run.bold ? run.text.match(/\p{L}/gu)?.length ?? 0 : 0), 0);
      lines.push({
        text,
        page: 1,
        x: inItem ? 18 * Math.max(1, listDepth) : 0,
        y: 0,
        width: 0,
        fontSize: 0,
        bold: letters > 0 && boldLetters / letters >= 0.6,
        ...(heading !== undefined ? { heading } : {}),
        ...(inItem ? { bullet: true } : {}),
      });
    }
    runs = [];
  };

  for (const match of withoutComments.matchAll(token)) {
    const [, closing, rawName, selfClosing, text, stray] = match;
    if (text !== undefined || stray !== undefined) {
      if (skipDepth === 0) runs.push({ text: decodeEntities(text ?? '<'), bold: boldDepth > 0 || heading !== undefined });
      continue;
    }
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (SKIP_TAGS.has(name)) {
      if (selfClosing) continue;
      skipDepth = closing ? Math.max(0, skipDepth - 1) : skipDepth + 1;
      continue;
    }
    if (skipDepth > 0) continue;
    if (name === 'br') {
      flush();
      continue;
    }
    if (BOLD_TAGS.has(name)) boldDepth = closing ? Math.max(0, boldDepth - 1) : boldDepth + 1;
    if (name === 'a') {
      const href = /href\s*=\s*["']([^"']+)["']/i.exec(match[0])?.[1];
      if (!closing) openHref.push(href ?? '');
      else {
        const target = openHref.pop();
        const shown = runs.map((run) => run.text).join('');
        if (target && /^(?:https?:|mailto:)/i.test(target) && !shown.includes(target.replace(/^mailto:/i, '').replace(/^https?:\/\//i, ''))) {
          runs.push({ text: ` (${decodeEntities(target.replace(/^mailto:/i, ''))})`, bold: false });
        }
      }
    }
    if (!BLOCK_TAGS.has(name)) continue;
    flush();
    if (/^h[1-6]$/.test(name)) heading = closing ? undefined : Number(name[1]);
    if (name === 'ul' || name === 'ol') listDepth = closing ? Math.max(0, listDepth - 1) : listDepth + 1;
    if (name === 'li') inItem = !closing;
  }
  flush();
  return lines;
}
