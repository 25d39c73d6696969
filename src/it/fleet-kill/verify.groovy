// After the kill (prebuild.groovy) and the rerun (goal 1): every database is at the latest migration with each
// migration applied once. A migration run twice would fail on its seed row's primary key, and the rerun reports
// the databases the killed run had finished as already there.
import groovy.json.JsonSlurper

def fail = { String message -> throw new AssertionError(message) }
def killed = new File(basedir, 'killed-run.log').text
def finishedBefore = (killed =~ /\[DEBUG\] (tenant-\d+) ok at 0002_second_seed/).collect { it[1] } as Set
finishedBefore.size() >= 5 || fail("the killed run had not finished five databases: ${finishedBefore}")

def rerun = new JsonSlurper().parse(new File(basedir, 'target/rerun.json'))
def databases = rerun.databases
databases.size() == 24 || fail("the rerun reported ${databases.size()} databases")
databases.each { db ->
    db.status == 'ok' || fail("${db.name}: ${db.status} ${db.error}")
    db.after == '0002_second_seed' || fail("${db.name} ends at ${db.after}")
    if (finishedBefore.contains(db.name)) {
        db.before == '0002_second_seed' || fail("${db.name} was finished before the kill, yet the rerun found it at ${db.before}")
        db.migrations.isEmpty() || fail("${db.name} was finished before the kill, yet the rerun applied ${db.migrations}")
    }
}
def continued = databases.findAll { !it.migrations.isEmpty() }
continued.size() >= 1 && continued.size() <= 24 - finishedBefore.size() ||
        fail("the rerun applied migrations on ${continued*.name}, the killed run had finished ${finishedBefore}")

def status = new JsonSlurper().parse(new File(basedir, 'target/status.json'))
status.databases.every { it.after == '0002_second_seed' && it.migrations.isEmpty() } ||
        fail("status finds databases behind: ${status.databases.findAll { !it.migrations.isEmpty() }*.name}")
def buildLog = new File(basedir, 'build.log').text
buildLog.contains('Fleet apply: ') || fail('the rerun did not run the fleet')
return true
