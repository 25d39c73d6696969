// the real Turso server for this build, as drift-to-migration starts it too
return evaluate(new File(itScripts as String, 'turso-server.groovy'))
