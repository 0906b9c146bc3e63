// The generated sources and the spec copy are where the contract puts them, and the test ran.
def generated = new File(basedir, 'target/generated-sources/netspec/io/netspec/models/tiny/Tiny.java')
assert generated.isFile()
assert new File(basedir, 'target/generated-sources/netspec/io/netspec/models/NetspecModels.java').isFile()
assert new File(basedir, 'target/generated-resources/netspec/io/netspec/models/tiny/tiny.yaml').isFile()
assert new File(basedir, 'target/classes/io/netspec/models/tiny/Tiny.class').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 0, Errors: 0')
assert log.contains('netspec: 1 specs,')
return true
