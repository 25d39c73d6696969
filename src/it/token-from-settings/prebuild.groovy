// a token in .env.local too: the settings.xml server must win over it
new File(basedir, '.env.local').setText('TURSO_AUTH_TOKEN="tok-SECRET-from-dotenv"\n', 'UTF-8')
return true
