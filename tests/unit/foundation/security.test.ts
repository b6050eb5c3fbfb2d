import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../shared/security/external-url';
import { createWindowOptions, isAppUrl } from '../../../electron/main/window-options';
import { safeFileName } from '../../../electron/services/handlers';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://www.linkedin.com/in/someone',
    'https://github.com/owner/repo?tab=readme#top',
    'https://sub.domain.example.org:443/path',
  ])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://example.com'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['javascript with https text', 'javascript://https://example.com/%0aalert(1)'],
    ['file scheme', 'file:///etc/passwd'],
    ['data scheme', 'data:text/html,<script>alert(1)</script>'],
    ['custom protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['credentials', 'https://user:pass@example.com'],
    ['user only', 'https://user@example.com'],
    ['look-alike host with credentials', 'https://example.com@evil.test'],
    ['bare IP address', 'https://127.0.0.1/'],
    ['IPv6 address', 'https://[::1]/'],
    ['host without a dot', 'https://localhost/'],
    ['odd port', 'https://example.com:8443/'],
    ['leading space', ' https://example.com'],
    ['newline inside', 'https://exam\nple.com'],
    ['tab in scheme', 'ht\ttps://example.com'],
    ['backslashes', 'https:\\\\example.com'],
    ['look-alike unicode host', 'https://exаmple.com'],
    ['punycode host', 'https://xn--exmple-4nf.com'],
    ['empty', ''],
    ['not a string', 42],
    ['scheme-relative', '//example.com'],
    ['uppercase scheme trick', 'HTTPS:example.com'],
    ['trailing dot host', 'https://example.com./'],
    ['very long', `https://example.com/${'a'.repeat(3000)}`],
  ])('rejects %s', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each(['https://example.com.evil.test', 'https://printer.local/', 'https://intranet.corp/x', 'https://abc.onion/'])(
    'rejects the special-use host in %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(false);
    },
  );
});

describe('window options', () => {
  const options = createWindowOptions({ preloadPath: '/app/preload/index.cjs', isDarkBackground: false });

  it('isolates and sandboxes the renderer without Node', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload/index.cjs',
    });
  });

  it('treats only the app page as the app', () => {
    expect(isAppUrl('file:///app/renderer/index.html', 'file:///app/renderer/index.html')).toBe(true);
    expect(isAppUrl('file:///etc/passwd', 'file:///app/renderer/index.html')).toBe(false);
    expect(isAppUrl('https://evil.test/', 'file:///app/renderer/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', 'http://localhost:5173/')).toBe(false);
    // The app's own scheme: only its own host, never another custom scheme or host.
    expect(isAppUrl('app://cv-tailor/index.html#/jobs', 'app://cv-tailor/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html', 'app://cv-tailor/index.html')).toBe(false);
    expect(isAppUrl('evil://cv-tailor/index.html', 'app://cv-tailor/index.html')).toBe(false);
    expect(isAppUrl('file:///app/renderer/index.html', 'app://cv-tailor/index.html')).toBe(false);
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'etc passwd'],
    ['C:\\Windows\\evil', 'C Windows evil'],
    ['Ana: CV <final>?', 'Ana CV final'],
    ['line\nbreak\u0000', 'line break'],
    ['.hidden', 'hidden'],
    ['Søren Kierkegaard-Lund', 'Søren Kierkegaard-Lund'],
  ])('turns %j into %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});
