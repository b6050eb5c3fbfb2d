// Refuses to run on a Node.js older than the one CV Tailor is built for, with a message that
// says what to do. Used by `npm start`, `npm test` and the cv-tailor command.
const MINIMUM = [22, 13];

/** True when this Node is new enough; otherwise prints why not. */
export function nodeIsSupported(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  if (major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1])) return true;
  console.error(
    `CV Tailor needs Node.js ${MINIMUM.join('.')} or newer; this is ${version}. ` +
      'Install Node 22 LTS from https://nodejs.org, or in a checkout run "source scripts/setup-node.sh".',
  );
  return false;
}

if (import.meta.url === `file://${process.argv[1]}` && !nodeIsSupported()) process.exit(1);
