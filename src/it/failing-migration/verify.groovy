import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

if (binding.hasVariable('expectedMavenVersion')) {
    log.contains("Apache Maven ${expectedMavenVersion} ") || fail("not built with Maven ${expectedMavenVersion}")
}

// 1. 0000 ran, 0001 failed at statement 2 (line 6 of its file) with SQLite's own message, and was rolled back
log.contains('[INFO] Applied 0000_init (4 statements) in ') || fail('0000_init was not applied')
!log.contains('Applied 0001_tag_aliases (2 statements)') || fail('the failing 0001 was reported as applied')
def error = lines.find { it.startsWith('[ERROR] Failed to execute goal') && it.contains(':apply ') }
error || fail('no [ERROR] line for apply')
[
        'Migration 0001_tag_aliases failed at statement 2 of 2',
        '(drizzle/0001_tag_aliases.sql:6)',
        'no such table',
        'tag_aliases',
].each { error.contains(it) || fail("the failure does not say '${it}': ${error}") }
// one transaction for the apply: 0000 committed with it, before 0001's savepoint was rolled back
log.contains('The migration was rolled back; the database is now at 0000_init.') || fail('no "now at 0000_init"')
log.contains('Next step: Fix statement 2 in drizzle/0001_tag_aliases.sql') || fail('no next step')
log.contains('BUILD FAILURE') || fail('the first apply did not fail the build')

// 2. status after the failure
def status = new JsonSlurper().parse(new File(basedir, 'target/status.json'), 'UTF-8')
assert status.current == '0000_init'
assert status.migrations.collect { [it.tag, it.state] } == [['0000_init', 'applied'], ['0001_tag_aliases', 'pending']]
assert status.migrations[1].appliedAt == null
assert status.counts.applied == 1
assert status.counts.pending == 1
assert status.counts.failed == 0

// 3. the fixed migration applied on top of 0000, from the other directory
lines.any { it ==~ /\[INFO\] Applied 0001_tag_aliases \(3 statements\) in \d+ ms/ } || fail('fixed 0001 not applied')
lines.any { it ==~ /\[INFO\] 1 migration applied in \d+ ms; database at 0001_tag_aliases/ } || fail('no summary line')
return true
