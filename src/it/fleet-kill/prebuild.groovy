// Runs the fleet apply in a Maven process of its own (the Maven of this run, as src/it/no-pom does), two databases
// at a time, and kills it with SIGKILL (destroyForcibly) once five databases have finished: -X logs a line per
// database. The invoker's own goals then run the same apply again (invoker.properties).
def version = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).properties.'plugin.version'.text()
def home = binding.hasVariable('expectedMavenVersion')
        ? new File(basedir.parentFile.parentFile, "maven-${expectedMavenVersion}/apache-maven-${expectedMavenVersion}")
        : new File(System.getProperty('maven.home'))
def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
def command = [new File(home, 'bin/mvn').path, '-B', '-X', '-Dmaven.repo.local=' + localRepositoryPath] +
        (settings.isFile() ? ['-s', settings.path] : []) +
        ["io.writerflow:writerflow-maven-plugin:${version}:apply".toString(), '-Dwriterflow.targets=fleet.txt',
         '-Dwriterflow.parallel=2', '-Dwriterflow.output=target/killed.json']
def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
def log = new StringBuilder()
int finished = 0
boolean killed = false
process.inputStream.withReader('UTF-8') { reader ->
    String line
    while ((line = reader.readLine()) != null) {
        log.append(line).append('\n')
        if (line ==~ /\[DEBUG\] tenant-\d+ ok at .*/ && ++finished == 5) {
            process.destroyForcibly() // SIGKILL: no shutdown hook, no finally block runs
            killed = true
            break
        }
    }
}
process.waitFor()
new File(basedir, 'killed-run.log').text = log.toString()
def fail = { String message -> throw new AssertionError(message + '\n--- killed-run.log ---\n' + log) }
killed || fail("the fleet apply ended (exit ${process.exitValue()}) before five databases had finished")
process.exitValue() == 137 || fail("the Maven process was not killed by SIGKILL (exit ${process.exitValue()})")
!log.contains('Fleet report written to') || fail('the fleet apply finished before the kill')
!new File(basedir, 'target/killed.json').exists() || fail('the killed run wrote its report')
return true
