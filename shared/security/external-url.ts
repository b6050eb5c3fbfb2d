/**
 * Which links may be opened in the person's browser.
 */

/**
 * Special-use and private names (RFC 6761, 6762, 7686, 8375, ICANN's .internal): never a public
 * web page, so a link to one is a mistake or a trick.
 */
const SPECIAL_USE_SUFFIXES = ['test', 'invalid', 'localhost', 'local', 'example', 'onion', 'internal', 'home.arpa', 'lan', 'corp'];

/**
 * True only for plain https URLs to a real host name, without credentials.
 *
 * Rejects every other scheme (javascript:, file:, data:, http:, custom protocols), URLs with a
 * user name or password, hosts without a dot or with characters a URL parser would
 * normalise in surprising ways, look-alike (punycode) hosts, special-use names such as
 * `.test` or `.local`, bare IP addresses and over-long URLs.
 */
export function isSafeExternalUrl(candidate: unknown): boolean {
  if (typeof candidate !== 'string' || candidate.length > 2048) return false;
  if (candidate !== candidate.trim() || /[\s\\<>"`]/.test(candidate)) return false;
  // Control characters hide schemes from naive parsers.
  for (const character of candidate) if (character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (!candidate.toLowerCase().startsWith('https://')) return false;
  if (url.username || url.password) return false;
  if (url.port && url.port !== '443') return false;
  const host = url.hostname;
  if (!host.includes('.') || host.endsWith('.')) return false;
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return false;
  if (!/^[a-z0-9.-]+$/.test(host)) return false;
  const labels = host.split('.');
  if (labels.some((label) => label.length === 0 || label.startsWith('-') || label.endsWith('-'))) return false;
  // Punycode labels are how look-alike (homograph) host names arrive after URL parsing.
  if (labels.some((label) => label.startsWith('xn--'))) return false;
  if (SPECIAL_USE_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return false;
  return true;
}
