/**
 * Shows an exported document's HTML (the same HTML the PDF is printed from) inside a shadow
 * root, so its styles neither leak into the app nor need inline styles (which the app's
 * Content-Security-Policy forbids): the template's CSS is applied as constructed style sheets.
 */
import { useEffect, useRef } from 'react';

const fontSheets = new Map<string, CSSStyleSheet>();

/** Splits a template's CSS into its @font-face rules (document-wide) and the rest (scoped). */
function splitCss(css: string): { fonts: string; scoped: string } {
  const fonts = (css.match(/@font-face\s*{[^}]*}/g) ?? []).join('\n');
  const scoped = css
    .replace(/@font-face\s*{[^}]*}/g, '')
    .replace(/(^|[\s,}])html(\s*[{,])/g, '$1.doc-html$2')
    .replace(/(^|[\s,}])body(\s*[{,])/g, '$1.doc-body$2');
  return { fonts, scoped };
}

/** Font faces must live in the document to be usable from a shadow root; each set is added once. */
function adoptFonts(fonts: string): void {
  if (!fonts || fontSheets.has(fonts)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(fonts);
  fontSheets.set(fonts, sheet);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

interface DocumentPreviewProps {
  html: string;
  /** Scale of the page (1 = real size). */
  scale: number;
  label: string;
}

/** The page preview. */
export function DocumentPreview({ html, scale, label }: DocumentPreviewProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    // The style elements are taken out before parsing: the parsed document shares the app's
    // policy, which refuses inline styles (and says so in the console).
    const styles = /<style>([\s\S]*?)<\/style>/g;
    const css = Array.from(html.matchAll(styles), (match) => match[1]).join('\n');
    const parsed = new DOMParser().parseFromString(html.replace(styles, ''), 'text/html');
    const { fonts, scoped } = splitCss(css);
    adoptFonts(fonts);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${scoped}\n.doc-body { background: #fff; }\n:host { display: block; }`);
    root.adoptedStyleSheets = [sheet];
    // The HTML is our own template output (CV text escaped); parsed inertly above, scripts never run.
    root.replaceChildren(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
    const wrapper = document.createElement('div');
    wrapper.className = `doc-html`;
    const body = document.createElement('div');
    body.className = `doc-body ${parsed.body.className}`;
    body.append(...Array.from(root.childNodes));
    wrapper.append(body);
    root.replaceChildren(wrapper);
  }, [html]);
  return (
    <div className="preview-viewport" role="img" aria-label={label}>
      <div className="preview-scaler" style={{ ['--preview-scale' as string]: scale }}>
        <div ref={host} className="preview-page" />
      </div>
    </div>
  );
}
