// A plain drizzle project (no pom.xml) runs the goals by their full name, as the README says: generate, apply
// and status, in one Maven run started in its directory.
def plain = new File(basedir, 'plain')
def version = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).properties.'plugin.version'.text()
// the Maven of this invoker run: 3.8.7 (unpacked into target/ by the build) for that run, else the outer one
def home = binding.hasVariable('expectedMavenVersion')
        ? new File(basedir.parentFile.parentFile, "maven-${expectedMavenVersion}/apache-maven-${expectedMavenVersion}")
        : new File(System.getProperty('maven.home'))
def mvn = new File(home, 'bin/mvn').path
def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
def goal = { "io.writerflow:writerflow-maven-plugin:${version}:${it}".toString() }
def command = [mvn, '-B', '-V', '-Dmaven.repo.local=' + localRepositoryPath] +
        (settings.isFile() ? ['-s', settings.path] : []) + [goal('generate'), goal('apply'), goal('status')]
def process = new ProcessBuilder(command).directory(plain).redirectErrorStream(true).start()
def log = process.inputStream.getText('UTF-8')
process.waitFor()
new File(basedir, 'no-pom.log').text = log
def fail = { String message -> throw new AssertionError(message + '\n--- no-pom.log ---\n' + log) }

process.exitValue() == 0 || fail("the goals failed without a pom.xml (exit ${process.exitValue()})")
log.contains('standalone-pom') || fail('Maven did not run without a project')
!binding.hasVariable('expectedMavenVersion') || log.contains("Apache Maven ${expectedMavenVersion}") ||
        log.contains("maven-${expectedMavenVersion}") || fail("not Maven ${expectedMavenVersion}")
log.readLines().any { it ==~ /\[INFO\] Wrote drizzle\/0000_create_notes\.sql \(1 statement\) and .*/ } ||
        fail('generate did not write the first migration')
log.contains('[INFO] Applied 0000_create_notes (1 statement) in ') || fail('apply did not apply it')
log.contains('[INFO] Database file:notes.db, migrations in drizzle, at 0000_create_notes') ||
        fail('status did not report the database drizzle.config names')
new File(plain, 'notes.db').isFile() || fail('notes.db, drizzle.config\'s database, was not created')
!new File(plain, 'target').exists() || fail('a target/ directory was left in a project without a pom.xml')
!plain.list().any { it.contains('${') } || fail("an unresolved Maven expression became a directory: ${plain.list()}")
return true
