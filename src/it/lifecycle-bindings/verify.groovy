import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

// 3. deploy: check at validate, status at verify, then apply at deploy, in that order (the first of each: 1 and 2 only generate)
// Maven 3.9 prints the goal prefix (writerflow:), 3.8 the artifactId
def at = { String goal -> lines.findIndexOf { it =~ /--- writerflow(-maven-plugin)?:[^:]+:${goal} \(/ } }
def checkAt = at('check'), statusAt = at('status'), applyAt = at('apply')
checkAt >= 0 || fail('check did not run')
statusAt >= 0 || fail('status did not run')
applyAt >= 0 || fail('apply did not run')
(checkAt < statusAt && statusAt < applyAt) || fail("expected check, status, apply in that order: lines ${checkAt}, ${statusAt}, ${applyAt}")
// check runs at validate, before anything: apply's database (the default file) does not exist yet
log.contains('[INFO] Database file:local.db does not exist yet; nothing applied to compare.') ||
        fail('check did not compare with the database apply uses')
lines.any { it.startsWith('[INFO] Migrations in drizzle are consistent and capture src/lib/db/schema.js.') } ||
        fail('check did not pass at deploy')
lines.any { it ==~ /\[INFO\] 2 migrations applied in \d+ ms; database at 0001_.*score.*/ } || fail('apply did not apply both')

// 4. the database has both migrations
def status = new JsonSlurper().parse(new File(basedir, 'target/status.json'), 'UTF-8')
status.migrations*.state == ['applied', 'applied'] || fail("expected two applied migrations: ${status.migrations}")
status.migrations[0].tag == '0000_init' || fail("first migration: ${status.migrations[0].tag}")
new File(basedir, 'local.db').length() > 0 || fail('local.db is empty')

// the artifact landed in the file repository
def deployed = new File(basedir, 'target/repo/io/writerflow/it/lifecycle-bindings/1.0.0-SNAPSHOT')
deployed.isDirectory() && deployed.listFiles().any { it.name.endsWith('.pom') } || fail("nothing deployed to ${deployed}")

// 5. an uncaptured change fails the build at validate (check's default phase), naming the change and the next step
log.contains('writerflow:check found 1 problem in drizzle:') || fail('check did not fail on the uncaptured change')
log.contains('schema-v1.js has 1 change that no migration in drizzle captures: drop column documents.score.') ||
        fail('the failure does not list the change')
log.contains('Next step: Run mvn writerflow:generate') || fail('the failure does not name the next step')
return true
