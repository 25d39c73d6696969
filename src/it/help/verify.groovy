def log = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

log.contains('BUILD SUCCESS') || fail('help failed')
['writerflow:apply', 'writerflow:status', 'writerflow:check', 'writerflow:help', 'writerflow:baseline', 'writerflow:adopt-drift', 'writerflow:repair', 'writerflow:restore', 'writerflow:rollback', 'writerflow:lint', 'writerflow:pull', 'writerflow:rebase'].each { goal ->
    log.contains(goal) || fail("help does not list ${goal}")
}
// -Ddetail=true lists the parameters with their user properties
['writerflow.url', 'writerflow.out', 'writerflow.skip', 'writerflow.failOnPending', 'writerflow.format',
 'writerflow.baselineAt', 'writerflow.lockLease', 'writerflow.serverId', 'writerflow.layout', 'writerflow.downs',
 'writerflow.requireDown', 'writerflow.target', 'writerflow.steps',
 'writerflow.acceptDataLoss', 'writerflow.base', 'writerflow.lintFailOn',
 'writerflow.pullLanguage', 'writerflow.force', 'writerflow.outOfOrder', 'writerflow.from', 'writerflow.onto',
 'writerflow.lintData', 'writerflow.lintHeader'].each { p ->
    log.contains(p) || fail("help does not describe ${p}")
}
// the url parameter's forms, from the mojo's javadoc
log.contains('?tls=0') || fail('help does not describe the URL form libsql://HOST:PORT?tls=0')
// generate's layout parameter, with its values, from the mojo's javadoc
['auto', 'journal', 'folders'].each { v ->
    log.contains(v) || fail("help does not name the layout ${v}")
}
log.contains('drizzle-kit 1.0') || fail('help does not say which layout is drizzle-kit 1.0\'s')
return true
