// the real Turso server for this build, as rollback-turso starts it too
return evaluate(new File(itScripts as String, 'turso-server.groovy'))
