import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

if (binding.hasVariable('expectedMavenVersion')) {
    log.contains("Apache Maven ${expectedMavenVersion} ") || fail("not built with Maven ${expectedMavenVersion}")
}

// 1. one line per migration, in journal order, then the summary
def applied = lines.findAll { it ==~ /\[INFO\] Applied \S+ \(\d+ statements?\) in \d+ ms/ }
applied.size() == 2 || fail("expected 2 'Applied' lines, got ${applied}")
applied[0].startsWith('[INFO] Applied 0000_init (4 statements) in ') || fail("first: ${applied[0]}")
applied[1].startsWith('[INFO] Applied 0001_add_tags (4 statements) in ') || fail("second: ${applied[1]}")
lines.any { it ==~ /\[INFO\] 2 migrations applied in \d+ ms; database at 0001_add_tags/ } || fail('no summary line')

// 2. the second apply has nothing to do
log.contains('[INFO] Nothing to apply: database file:local.db is up to date at 0001_add_tags.') ||
        fail('second apply did not say "Nothing to apply"')

// 3. the text table: a header, one "applied" row per migration, the counts
lines.any { it.startsWith('[INFO] Database file:local.db, migrations in drizzle, at 0001_add_tags') } ||
        fail('no status header')
['0000_init', '0001_add_tags'].each { tag ->
    lines.any { it ==~ /\[INFO\]\s+${tag}\s+applied\s+applied \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC.*/ } ||
            fail("no 'applied' row for ${tag}")
}
lines.contains('[INFO] 2 applied, 0 pending.') || fail('no counts line')

// 4. the JSON report
def file = new File(basedir, 'target/status.json')
file.isFile() || fail("${file} was not written")
log.contains('[INFO] Status written to ') || fail('no "Status written to" line')
def status = new JsonSlurper().parse(file, 'UTF-8')
assert status.database == 'file:local.db'
assert status.databaseExists == true
assert status.directory == 'drizzle'
assert status.current == '0001_add_tags'
assert status.migrations*.tag == ['0000_init', '0001_add_tags']
assert status.migrations*.version == ['0', '1']
assert status.migrations*.file == ['drizzle/0000_init.sql', 'drizzle/0001_add_tags.sql']
assert status.migrations*.state == ['applied', 'applied']
status.migrations.each { m ->
    assert m.appliedAt ==~ /\d{4}-\d\d-\d\dT.*Z/
    assert m.appliedBy
    assert m.durationMs instanceof Number
}
assert status.counts == [applied: 2, pending: 0, failed: 0, changed: 0, missing: 0, skipped: 0, beyond_target: 0]
assert status.unlisted == []

// the database is the default file, in the project directory
assert new File(basedir, 'local.db').isFile()
assert new File(basedir, 'local.db').length() > 0
return true
