import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

// 1. the original two migrations
lines.any { it ==~ /\[INFO\] 2 migrations applied in \d+ ms; database at 0001_add_tags/ } || fail('first apply')

// 2. refused, naming the edited file; nothing of 0002 ran
def error = lines.find { it.startsWith('[ERROR] Failed to execute goal') && it.contains(':apply ') }
error || fail('no [ERROR] line for the second apply')
// the file of the directory being applied, not the path the history recorded (drizzle-original/...)
error.contains(': drizzle/0000_init.sql was changed after it was applied') || fail("wrong failure: ${error}")
log.contains('Nothing was applied.') || fail('no "Nothing was applied."')
log.contains('git log -p -- drizzle/0000_init.sql shows it') || fail('no next step')
!log.contains('Applied 0002_document_slugs') || fail('0002 was applied')

// 3. status
def status = new JsonSlurper().parse(new File(basedir, 'target/status.json'), 'UTF-8')
assert status.directory == 'drizzle'
assert status.migrations.collect { [it.tag, it.state] } ==
        [['0000_init', 'changed'], ['0001_add_tags', 'applied'], ['0002_document_slugs', 'pending']]
assert status.migrations*.file ==
        ['drizzle/0000_init.sql', 'drizzle/0001_add_tags.sql', 'drizzle/0002_document_slugs.sql']
assert status.migrations[0].appliedAt
assert status.current == '0001_add_tags'
assert status.counts.changed == 1
assert status.counts.applied == 1
assert status.counts.pending == 1
log.contains('[WARNING] 0000_init is changed; apply will refuse to run until it is resolved.') ||
        fail('status did not warn about the changed migration')

// 4. CI mode: the same status fails, naming the file and the next step
def gate = lines.find { it.startsWith('[ERROR] Failed to execute goal') && it.contains(':status ') }
gate || fail('status in CI mode did not fail')
gate.contains('1 applied migration was edited since file:local.db applied it (drizzle/0000_init.sql) (failOnChanged is on in CI mode)') ||
        fail("wrong CI-mode failure: ${gate}")
return true
