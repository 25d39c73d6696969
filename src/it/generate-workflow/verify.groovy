import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

new File(basedir, 'drizzle/0000_init.sql').isFile() || fail('0000_init.sql not written')
new File(basedir, 'drizzle/meta/0000_snapshot.json').isFile() || fail('snapshot not written')
log.contains('No schema changes, nothing to write (') || fail('second generate wrote something')
def second = new File(basedir, 'drizzle').listFiles().find { it.name.startsWith('0001_') && !it.name.endsWith('.down.sql') }
second || fail('no 0001 migration')
second.name.contains('score') || fail("tag does not describe the change: ${second.name}")
second.text.contains('ALTER TABLE `documents` ADD `score` real DEFAULT 0 NOT NULL;') || fail("unexpected SQL: ${second.text}")

// each migration's down migration beside it, the first one's dropping what it created
def down = new File(basedir, 'drizzle/0000_init.down.sql')
down.isFile() || fail('0000_init.down.sql not written')
down.text.startsWith('-- Down migration of 0000_init: back to the empty schema') || fail("unexpected down: ${down.text}")
new File(basedir, "drizzle/${second.name - '.sql'}.down.sql").text.contains('ALTER TABLE `documents` DROP COLUMN `score`;') ||
        fail('the second down migration does not drop score')
log.contains('[INFO] Down migration: drizzle/0000_init.down.sql (loses data: ') || fail('no down migration line')

def journal = new JsonSlurper().parse(new File(basedir, 'drizzle/meta/_journal.json'))
assert journal.entries*.tag == ['0000_init', second.name - '.sql']

def status = new JsonSlurper().parse(new File(basedir, 'target/status.json'), 'UTF-8')
assert status.counts.applied == 2
assert status.counts.pending == 0

def secondDown = new File(basedir, "drizzle/${second.name - '.sql'}.down.sql")
secondDown.isFile() || fail('no down migration beside 0001')
secondDown.text.contains('-- writerflow:loses column "documents"."score"') || fail("unexpected down migration: ${secondDown.text}")
log.contains('Rolling back would destroy data in file:local.db: column documents.score') || fail('data loss not refused')
log.contains("Rolled back ${second.name - '.sql'} (") || fail('not rolled back')
def rolledBack = new JsonSlurper().parse(new File(basedir, 'target/status-rolled-back.json'), 'UTF-8')
assert rolledBack.counts.applied == 1
assert rolledBack.counts.pending == 1
assert rolledBack.driftChecked == true
assert rolledBack.drift == []
log.contains("1 migration applied in ") || fail('the rolled-back migration was not applied again')
return true
