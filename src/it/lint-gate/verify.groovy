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
// every run writes the SARIF file for code-scanning dashboards: the dropped column and the suppressed index
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/writerflow/lint.sarif'))
sarif.version == '2.1.0' || fail("not SARIF 2.1.0: ${sarif.version}")
def results = sarif.runs[0].results
def dropped = results.find { it.ruleId == 'WF102' } ?: fail("no WF102 result in the SARIF file: ${results}")
dropped.level == 'error' || fail("WF102 is not an error in SARIF: ${dropped}")
dropped.locations[0].physicalLocation.artifactLocation.uri == 'drizzle/0001_drop_body.sql' || fail("wrong uri: ${dropped}")
dropped.locations[0].physicalLocation.region.startLine == 2 || fail("wrong line: ${dropped}")
results.find { it.ruleId == 'WF301' }?.suppressions?.getAt(0)?.kind == 'inSource' || fail("the suppression is not in the SARIF file: ${results}")
sarif.runs[0].tool.driver.rules.find { it.id == 'WF102' }?.name == 'drop-column' || fail('no WF102 rule')

// 4. JSON into a file
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lint.json'))
json.passed == true && json.failOn == 'none' || fail("wrong JSON verdict: ${json}")
json.counts.error == 1 && json.counts.suppressed == 1 || fail("wrong JSON counts: ${json.counts}")
json.migrations[0].findings.find { it.code == 'WF102' }?.line == 2 || fail("no WF102 in the JSON: ${json}")
return true
