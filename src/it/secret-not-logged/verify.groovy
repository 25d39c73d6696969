def log = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

log.contains('[DEBUG]') || fail('the builds did not run with -X')
!log.contains('tok-SECRET') || fail('an auth token was printed')
log.contains('; token from <authToken> / -Dwriterflow.authToken') || fail('token from configuration not used')
log.contains('; token from TURSO_AUTH_TOKEN in .env.local') || fail('token from .env.local not used')
log.contains('Database file:local.db from <url> / -Dwriterflow.url; token from the URL, unused by this database') ||
        fail('token from the URL not named')
return true
