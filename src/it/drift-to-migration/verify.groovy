import groovy.json.JsonSlurper

// the server first: stopped whatever the outcome of the checks below
def pidFile = new File(basedir, 'tursodb.pid')
if (pidFile.isFile()) {
    ProcessHandle.of(pidFile.text.trim() as long).ifPresent { it.destroyForcibly() }
}

def log = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }
def json = { String path -> new JsonSlurper().parse(new File(basedir, path), 'UTF-8') }

def tags = json('drizzle/meta/_journal.json').entries*.tag
tags == ['0000_init', '0001_adopt_isbn', '0002_undo_drift'] || fail("the journal has ${tags}")

// 2. the drift seen, adopted: its SQL is the out-of-band change, recorded on the server without running
def drifted = json('target/status-drifted.json')
def objects = drifted.drift*.object as Set
objects == ['books.isbn', 'books_isbn_idx'] as Set || fail("drift before adopting: ${drifted.drift}")
def adopted = new File(basedir, 'drizzle/0001_adopt_isbn.sql').text
adopted.contains('ALTER TABLE `books` ADD `isbn` text') || fail("0001_adopt_isbn.sql:\n${adopted}")
adopted.contains('CREATE INDEX `books_isbn_idx` ON `books` (`isbn`)') || fail("0001_adopt_isbn.sql:\n${adopted}")
log.contains('Recorded 0001_adopt_isbn in') || fail('adopt-drift did not say it recorded the migration')
def afterAdopting = json('target/status-adopted.json')
afterAdopting.counts.applied == 2 && afterAdopting.counts.pending == 0 || fail("status after adopting: ${afterAdopting.counts}")
afterAdopting.drift == [] || fail("drift after adopting: ${afterAdopting.drift}")
afterAdopting.migrations[1].appliedBy.endsWith('(adopt-drift)') || fail("adopted by: ${afterAdopting.migrations[1]}")

// 3. elsewhere it ran for real
def elsewhere = json('target/status-elsewhere.json')
elsewhere.counts.applied == 2 && elsewhere.drift == [] || fail("the local file: ${elsewhere.counts} ${elsewhere.drift}")
!elsewhere.migrations[1].appliedBy.endsWith('(adopt-drift)') || fail("ran elsewhere: ${elsewhere.migrations[1]}")

// 4. the schema declares the adopted change: the first generate had nothing to do; the one from the database
//    undoes the index made out of band, and nothing else
log.contains('No schema changes, nothing to write') || fail('the schema with the adopted change needed a migration')
log.contains('Starting from the live schema of') || fail('generate did not start from the database')
def undo = new File(basedir, 'drizzle/0002_undo_drift.sql').text.trim()
undo == 'DROP INDEX `books_title_idx`;' || fail("0002_undo_drift.sql:\n${undo}")
def last = json('target/status-final.json')
last.counts.applied == 3 && last.counts.pending == 0 || fail("status at the end: ${last.counts}")
last.drift == [] || fail("drift at the end: ${last.drift}")

// 5. the snapshot chain is whole: nothing more to generate
log.count('No schema changes, nothing to write') == 2 || fail('the plain generate after from=database wrote a migration')
!new File(basedir, 'drizzle/0003_snapshot.json').exists() || fail('a fourth migration was written')
return true
