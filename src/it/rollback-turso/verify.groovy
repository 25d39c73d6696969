import groovy.json.JsonSlurper

// the server first: stopped whatever the outcome of the checks below
def pidFile = new File(basedir, 'tursodb.pid')
if (pidFile.isFile()) {
    ProcessHandle.of(pidFile.text.trim() as long).ifPresent { it.destroyForcibly() }
}

def log = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }
def json = { String path -> new JsonSlurper().parse(new File(basedir, path), 'UTF-8') }

def journal = json('drizzle/meta/_journal.json')
def tags = journal.entries*.tag
tags.size() == 5 || fail("expected 5 migrations, the journal has ${tags}")
tags.every { new File(basedir, "drizzle/${it}.down.sql").isFile() } || fail('a down migration is missing')
// v3 and v5 rebuild tables, and so do their down migrations
[2, 4].each { i ->
    def down = new File(basedir, "drizzle/${tags[i]}.down.sql").text
    down.contains('INSERT INTO `__new_books`') || fail("${tags[i]}.down.sql does not rebuild books:\n${down}")
}
new File(basedir, "drizzle/${tags[2]}.down.sql").text.contains('INSERT INTO `__new_authors`') ||
        fail("${tags[2]}.down.sql does not rebuild authors")

def snapshot = { int i -> json("drizzle/meta/${String.format('%04d', i)}_snapshot.json") }
def v5 = json('target/dump-v5.json')
def v4 = json('target/dump-v4.json')
def rolledBack = json('target/dump-rolled-back.json')
def last = json('target/dump-final.json')

/** The live schema against a snapshot's: tables, columns (type, NOT NULL, primary key, default), indexes, foreign keys. */
def sameSchema = { dump, snap, String at ->
    // not the history tables (__writerflow_history*), nor the server's own (sqlite_sequence, __turso_internal_*)
    def live = dump.master.findAll { it.type == 'table' && !it.name.startsWith('sqlite_') && !it.name.startsWith('__') }*.name as Set
    live == snap.tables.keySet() || fail("${at}: tables ${live}, the snapshot has ${snap.tables.keySet()}")
    snap.tables.each { String name, table ->
        def columns = dump.tables[name].columns.collect {
            [name: it.name, type: it.type.toLowerCase(), notNull: it.notnull == '1', primaryKey: it.pk != '0',
             default: it.dflt_value]
        }
        def expected = table.columns.values().collect {
            [name: it.name, type: it.type, notNull: it.notNull, primaryKey: it.primaryKey,
             default: it.default == null ? null : String.valueOf(it.default)]
        }
        columns == expected || fail("${at}: the columns of ${name} are\n${columns}\nwhere the snapshot has\n${expected}")
        def indexes = dump.master.findAll { it.type == 'index' && it.tbl_name == name && it.sql != null }*.name as Set
        indexes == table.indexes.keySet() || fail("${at}: the indexes of ${name} are ${indexes}, the snapshot has ${table.indexes.keySet()}")
        // the server writes a table's SQL anew (quotes, case and spaces its own, ON UPDATE NO ACTION left out)
        def sql = dump.master.find { it.type == 'table' && it.name == name }.sql
        def bare = sql.toLowerCase().replaceAll(/[`"\s]/, '')
        table.foreignKeys.values().each { fk ->
            def reference = "foreignkey(${fk.columnsFrom.join(',')})references${fk.tableTo}(${fk.columnsTo.join(',')})"
            (bare.contains(reference) && bare.contains("ondelete${fk.onDelete.replace(' ', '')}")) ||
                    fail("${at}: ${name} lost its foreign key ${fk}: ${sql}")
        }
        bare.count('foreignkey') == table.foreignKeys.size() || fail("${at}: ${name} has other foreign keys: ${sql}")
    }
}

/** Every row of {@code before} still in {@code after}, with the values of the columns both dumps' tables have. */
def rowsKept = { before, after, String at ->
    after.tables.findAll { before.tables.containsKey(it.key) }.each { String name, table ->
        def columns = table.columns*.name.findAll { c -> before.tables[name].columns*.name.contains(c) }
        def was = before.tables[name].rows.collect { row -> columns.collectEntries { [it, row[it]] } }
        def is = table.rows.collect { row -> columns.collectEntries { [it, row[it]] } }
        is == was || fail("${at}: the rows of ${name} (${columns}) are\n${is}\nwhere they were\n${was}")
    }
}

[v5, v4, rolledBack, last].each { it.foreignKeys.foreign_keys == '1' || fail("foreign keys are off on the server: ${it.foreignKeys}") }

// the rows the app wrote, all there before the rollback (books 8 has the default title of v5)
v5.tables.authors.rows.size() == 6 || fail("authors: ${v5.tables.authors.rows}")
v5.tables.books.rows.size() == 8 || fail("books: ${v5.tables.books.rows}")
v5.tables.reviews.rows.size() == 4 || fail("reviews: ${v5.tables.reviews.rows}")
v5.tables.books.rows.find { it.id == '6' }.pages == '250.5' || fail("books: ${v5.tables.books.rows}")
sameSchema(v5, snapshot(4), 'at the fifth migration')

// 6. one step back: the schema of the fourth, every row kept (reviews' too: rebuilding books cascaded nothing)
log.contains("Rolled back ${tags[4]} (") || fail('the fifth migration was not rolled back')
sameSchema(v4, snapshot(3), 'rolled back to the fourth migration')
rowsKept(v5, v4, 'rolled back to the fourth migration')
v4.tables.reviews.rows.size() == 4 || fail("reviews lost rows: ${v4.tables.reviews.rows}")
v4.tables.authors.rows.every { !it.containsKey('country') } || fail('authors.country is still there')

// 7. back to the second: reviews gone, authors and books as v2 had them, with every row and value
[tags[3], tags[2]].each { log.contains("Rolled back ${it} (") || fail("${it} was not rolled back") }
log.contains("2 migrations rolled back in ") || fail('no summary of the rollback to 0001')
log.contains("database at ${tags[1]}") || fail("the rollback does not say the database is at ${tags[1]}")
sameSchema(rolledBack, snapshot(1), 'rolled back to the second migration')
rowsKept(v5, rolledBack, 'rolled back to the second migration')
rolledBack.tables.keySet() == ['authors', 'books'] as Set || fail("tables: ${rolledBack.tables.keySet()}")
rolledBack.tables.books.rows*.author_id == ['1', '1', '2', '3', '4', '5', '2', '6'] ||
        fail("the children of authors lost rows: ${rolledBack.tables.books.rows}")
def status = json('target/status-rolled-back.json')
status.counts.applied == 2 || fail("status after the rollback: ${status.counts}")
status.counts.pending == 3 || fail("status after the rollback: ${status.counts}")
status.current == tags[1] || fail("status after the rollback is at ${status.current}")
status.driftChecked == true || fail('drift not checked')
status.drift == [] || fail("drift after the rollback: ${status.drift}")

// 8. applied again: the fifth migration's schema, the rows kept, the columns added back with their defaults
log.contains('3 migrations applied in ') || fail('the rolled-back migrations were not applied again')
sameSchema(last, snapshot(4), 'applied again')
rowsKept(rolledBack, last, 'applied again')
last.tables.reviews.rows == [] || fail("reviews: ${last.tables.reviews.rows}")
last.tables.authors.rows*.country.every { it == 'NZ' } || fail("authors.country: ${last.tables.authors.rows}")
def final_ = json('target/status-final.json')
final_.counts.applied == 5 && final_.counts.pending == 0 || fail("status at the end: ${final_.counts}")
final_.drift == [] || fail("drift at the end: ${final_.drift}")
return true
