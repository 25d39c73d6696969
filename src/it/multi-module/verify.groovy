import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

// 1. db generated and applied; the root and app skipped, one line per goal each
new File(basedir, 'db/drizzle/0000_init.sql').isFile() || fail('generate did not write db/drizzle/0000_init.sql')
new File(basedir, 'db/app.db').length() > 0 || fail('apply did not create db/app.db, the module\'s own <url>')
log.contains('[INFO] Module db:') || fail('the module that ran was not named')
!new File(basedir, 'drizzle').exists() && !new File(basedir, 'app/drizzle').exists() || fail('a skipped module got a drizzle directory')
!new File(basedir, 'local.db').exists() && !new File(basedir, 'app/local.db').exists() &&
        !new File(basedir, 'db/local.db').exists() || fail('a database other than db/app.db was created')
def skipped = log.readLines().findAll { it.startsWith('[INFO] Skipping module ') }
skipped.count { it.startsWith('[INFO] Skipping module app: it has no drizzle directory, drizzle.config or schema') } == 1 ||
        fail("generate did not skip app: ${skipped}")
skipped.count { it.startsWith('[INFO] Skipping module app: it has no drizzle directory (the goal runs') } == 1 ||
        fail("apply did not skip app: ${skipped}")
skipped.count { it.startsWith('[INFO] Skipping module multi-module: ') } == 2 || fail("the root was not skipped twice: ${skipped}")

// 2. and 3. the module alone
log.contains('1 applied, 0 pending.') || fail('status -pl db did not report the applied migration')
def status = new JsonSlurper().parse(new File(basedir, 'db/target/status.json'), 'UTF-8')
status.migrations*.state == ['applied'] || fail("status -f db/pom.xml: ${status.migrations}")
return true
