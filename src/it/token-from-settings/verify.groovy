def log = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

log.contains('[DEBUG]') || fail('the builds did not run with -X')
!log.contains('tok-SECRET') || fail('an auth token was printed')
!log.contains('it-master-password') || fail('the master password was printed')
log.contains("; token from settings.xml server 'turso-plain'") || fail('plain settings.xml password not used')
log.contains("; token from settings.xml server 'turso-encrypted'") || fail('encrypted settings.xml password not used')
!log.contains('; token from TURSO_AUTH_TOKEN in .env.local') || fail('.env.local won over the settings.xml server')
log.contains("No <server> with id 'turso-missing' in your Maven settings (~/.m2/settings.xml") || fail('missing server not reported')
log.contains("The <server> 'turso-empty' in your Maven settings has no <password>") || fail('server without password not reported')
log.contains('; token from <authToken> / -Dwriterflow.authToken') || fail('-Dwriterflow.authToken did not win')
new File(basedir, 'local.db').isFile() || fail('apply did not create the embedded default database')
return true
