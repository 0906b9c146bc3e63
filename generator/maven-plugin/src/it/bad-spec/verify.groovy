// Every mistake is reported as file:line:column, without a stack trace, and nothing is written.
def log = new File(basedir, 'build.log').text
assert log.contains('bad.yaml:4:52: error: unknown key \'filterz\'')
assert log.contains('bad.yaml:6:37: error:')
assert log.contains('netspec: 3 errors in specs, nothing generated')
assert !log.contains('at io.netspec') : 'spec mistakes need no stack trace'
assert !log.contains('SpecException')
def out = new File(basedir, 'target/generated-sources/netspec')
assert !out.exists() || out.listFiles().length == 0 : 'a failed build writes nothing, not even the good spec'
return true
