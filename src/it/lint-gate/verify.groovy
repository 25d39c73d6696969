def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

// each run lints the latest migration (no database file), one line per finding under its migration
lines.count { it == '[INFO] Lint drizzle/0001_drop_body.sql: 2 findings' } == 3 || fail('no header per run')
def drop = '  0001_drop_body.sql:2  WF102 error  drops column documents.body: its values are lost'
lines.count { it.startsWith('[ERROR] ' + drop) } == 2 || fail('the dropped column is not an error line in runs 1 and 2')
lines.count { it.startsWith('[WARNING] ' + drop) } == 1 || fail('the dropped column is not a warning line at none')
lines.count { it.startsWith('[INFO]   0001_drop_body.sql:4  WF301 suppressed  adds UNIQUE index documents_title_unique')
        && it.endsWith('(suppressed: titles are unique already (checked on production, 2026-11-30))') } == 3 ||
        fail('the suppressed finding is not listed with its reason')

// 1. lint fails naming file:line and code, with the next step
def failures = lines.findAll { it.startsWith('[ERROR] Failed to execute goal') }
failures.size() == 2 || fail('expected two failed builds')
failures[0].contains(':lint ') && failures[0].contains('The lint found 1 finding at or above error') || fail("wrong lint failure: ${failures[0]}")
log.contains('drizzle/0001_drop_body.sql:2 WF102 drops column documents.body') || fail('failure does not name file:line and code')
log.contains('-- writerflow:lint-ignore WF102 <why it is safe>') || fail('no next step naming the suppression')

// 2. check fails with the lint's problem
failures[1].contains(':check ') && failures[1].contains('writerflow:check found 1 problem') || fail("wrong check failure: ${failures[1]}")

// 3. report only
lines.any { it.startsWith('[INFO] Lint of 1 migration (the latest;') && it.endsWith('1 error, 0 warnings, 1 suppressed; passes at writerflow.lintFailOn=none.') } ||
        fail('no passing summary at none')
return true
