def log = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String message -> throw new AssertionError(message + '\n--- build.log ---\n' + log) }

log.contains('[INFO] Skipping (writerflow.skip=true).') || fail('no "Skipping" line')
!log.contains('Applied ') || fail('something was applied')
!new File(basedir, 'local.db').exists() || fail('local.db was created')
return true
