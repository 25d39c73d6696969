import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }
def json = { String file -> new JsonSlurper().parse(new File(basedir, file), 'UTF-8') }

if (binding.hasVariable('expectedMavenVersion')) {
    log.contains("Apache Maven ${expectedMavenVersion} ") || fail("not built with Maven ${expectedMavenVersion}")
}

// 1. the POM's <targets>: both databases migrated
log.contains("Fleet apply: 2 databases in the POM's <targets>") || fail('the inline fleet was not run')
def inline = json('target/inline.json')
assert inline.databases.collect { [it.name, it.url, it.status, it.after] } ==
        [['tenant-a', 'file:a.db', 'ok', '0001_add_tags'], ['tenant-b', 'file:b.db', 'ok', '0001_add_tags']]
assert inline.databases.every { it.migrations == ['0000_init', '0001_add_tags'] }

// 2. the same databases from -Dwriterflow.targets=FILE: up to date, so failOnPending passes
log.contains('Fleet status: 2 databases in fleet.txt') || fail('the file fleet was not run')
def status = json('target/status.json')
assert status.databases.collect { [it.name, it.status, it.after, it.pending, it.drift] } ==
        [['tenant-a', 'ok', '0001_add_tags', 0, null], ['tenant-b', 'ok', '0001_add_tags', 0, null]]

// 3. <targets>broken.txt</targets>: one database failed, the build failed naming it and the report
log.contains('Fleet apply: 2 databases in broken.txt') || fail('the broken fleet was not run')
lines.any { it.startsWith('[ERROR]   FAILED tenant-x (file:not-a-database.data): ') } || fail('tenant-x not named as failed')
def error = lines.find { it.startsWith('[ERROR] Failed to execute goal') && it.contains('apply') }
error || fail('no [ERROR] line for the failed apply')
error.contains('Fleet apply: 1 of 2 databases failed; report: target/broken.json') || fail("the failure: ${error}")
log.contains('BUILD FAILURE') || fail('the broken fleet did not fail the build')
def broken = json('target/broken.json')
assert broken.databases.collect { [it.name, it.status, it.after] } ==
        [['tenant-d', 'ok', '0001_add_tags'], ['tenant-x', 'failed', null]]
new File(basedir, 'd.db').length() > 0 || fail('d.db was not migrated')
