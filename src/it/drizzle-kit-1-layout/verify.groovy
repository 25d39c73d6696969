import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

if (binding.hasVariable('expectedMavenVersion')) {
    log.contains("Apache Maven ${expectedMavenVersion} ") || fail("not built with Maven ${expectedMavenVersion}")
}

def init = '20261202163054_init'
def documents = '20261202163055_add_documents'

// 1. check: the folder directory is whole and captures schema.js
lines.any { it.startsWith('[INFO] Migrations in drizzle are consistent and capture src/lib/db/schema.js') } ||
        fail('check did not pass')

// 2. apply: one line per folder, in timestamp order
def applied = lines.findAll { it ==~ /\[INFO\] Applied \S+ \(\d+ statements?\) in \d+ ms/ }
applied.size() == 2 || fail("expected 2 'Applied' lines, got ${applied}")
applied[0].startsWith("[INFO] Applied ${init} (1 statement) in ") || fail("first: ${applied[0]}")
applied[1].startsWith("[INFO] Applied ${documents} (3 statements) in ") || fail("second: ${applied[1]}")
lines.any { it ==~ /\[INFO\] 2 migrations applied in \d+ ms; database at ${documents}/ } || fail('no summary line')

// 3. status: both applied, no drift against drizzle-kit 1.0's snapshot
lines.any { it.startsWith("[INFO] Database file:local.db, migrations in drizzle, at ${documents}") } ||
        fail('no status header')
lines.any { it.startsWith("[INFO] Drift: none (compared with drizzle/${documents}/snapshot.json).") } ||
        fail('drift was not compared with the last folder\'s snapshot, or found differences')
lines.contains('[INFO] 2 applied, 0 pending.') || fail('no counts line')

// 4. the JSON report: the folders' timestamps are the versions
def status = new JsonSlurper().parse(new File(basedir, 'target/status.json'), 'UTF-8')
assert status.current == documents
assert status.migrations*.tag == [init, documents]
assert status.migrations*.version == ['20261202163054', '20261202163055']
assert status.migrations*.file == ["drizzle/${init}/migration.sql", "drizzle/${documents}/migration.sql"]
assert status.migrations*.state == ['applied', 'applied']
assert status.driftChecked == true
assert status.drift == []

// 5. generate: nothing to write, the layout left as it is
lines.any { it ==~ /\[INFO\] No schema changes, nothing to write \(\d+ ms\)\./ } || fail('generate wrote something')
assert !new File(basedir, 'drizzle/meta').exists()
assert new File(basedir, 'drizzle').list().sort() == [init, documents]
return true
