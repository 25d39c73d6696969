def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

// 1. the gate names what is pending; status did not create the database
lines.any { it.startsWith('[INFO] Database file:local.db (not created yet), migrations in drizzle, at no migration') } ||
        fail('no status header for the missing database')
def error = lines.find { it.startsWith('[ERROR] Failed to execute goal') && it.contains(':status ') }
error || fail('no [ERROR] line for status')
error.contains('2 migrations are pending (0000_init, 0001_add_tags) on file:local.db') || fail("wrong failure: ${error}")
log.contains('Next step: run mvn writerflow:apply') || fail('no next step')
lines.findAll { it.startsWith('[ERROR] Failed to execute goal') }.size() == 1 || fail('more than one build failed')

// 2. applied
lines.any { it ==~ /\[INFO\] 2 migrations applied in \d+ ms; database at 0001_add_tags/ } || fail('apply')

// 3. the gate passes (invoker.buildResult.3 defaults to success), with both migrations applied
lines.contains('[INFO] 2 applied, 0 pending.') || fail('no "2 applied, 0 pending." from the second status')
assert new File(basedir, 'local.db').isFile()
return true
