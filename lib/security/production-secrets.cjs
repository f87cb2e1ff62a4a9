// The secrets a production server signs and authenticates with, checked before it serves:
// `next start` (through the forwarded-headers preload every instance loads) and `npm start` /
// `start:cluster` refuse to start with NODE_ENV=production when one came from the environment
// as the placeholder of deploy/systemd/careerwiki.env.example or shorter than 32 characters
// (a guessable AUTH_SECRET lets anyone forge sessions; CACHE_REFRESH_SECRET lets anyone make the
// cache front fetch pages again). Development and test servers (no NODE_ENV=production) are not
// checked: they use short fixed secrets of their own. CommonJS, as the preload is.

/** The secrets checked, each only when set. */
const PRODUCTION_SECRETS = ["AUTH_SECRET", "CACHE_REFRESH_SECRET"];
/** The example values of deploy/systemd/careerwiki.env.example (and other obvious ones). */
const SECRET_PLACEHOLDERS = ["change-me", "change-me-too", "changeme", "secret", "the-secret"];
const MIN_SECRET_LENGTH = 32;

/** Why each production secret of `env` is unfit, one sentence each; empty when fine or not in production. */
function productionSecretProblems(env) {
  if (env.NODE_ENV !== "production") return [];
  const problems = [];
  for (const name of PRODUCTION_SECRETS) {
    const value = env[name];
    if (value === undefined) continue;
    if (SECRET_PLACEHOLDERS.includes(value.trim().toLowerCase())) problems.push(`${name} is the example placeholder "${value}"`);
    else if (value.length < MIN_SECRET_LENGTH) problems.push(`${name} is ${value.length} characters long, fewer than ${MIN_SECRET_LENGTH}`);
  }
  return problems;
}

/** One message for the operator, or null when the secrets are fit. */
function describeProductionSecretProblems(env) {
  const problems = productionSecretProblems(env);
  if (problems.length === 0) return null;
  return `Refusing to start in production (NODE_ENV=production): ${problems.join("; ")}. Make each secret with \`openssl rand -base64 32\` and set it in the environment (on a server, /etc/careerwiki/careerwiki.env; CACHE_REFRESH_SECRET also in /etc/careerwiki/front-refresh.map).`;
}

module.exports = { PRODUCTION_SECRETS, SECRET_PLACEHOLDERS, MIN_SECRET_LENGTH, productionSecretProblems, describeProductionSecretProblems };
