// After the edit, tiny's network is regenerated; files whose content did not change keep their timestamps.
def out = new File(basedir, 'target/generated-sources/netspec/io/netspec/models')
def tiny = new File(out, 'tiny/Tiny.java')
def other = new File(out, 'other/Other.java')
assert tiny.text.contains('DEFAULT_CLASSES = 5')
assert tiny.text.contains('.setFilters(6)')
assert new File(out, 'tiny').list() as List == ['Tiny.java'] : 'one class per spec, no module classes'
assert other.lastModified() < tiny.lastModified() : 'the unchanged spec was regenerated'
def copy = new File(basedir, 'target/generated-resources/netspec/io/netspec/models/tiny/tiny.yaml')
assert copy.text.contains('classes: 5')
def log = new File(basedir, 'build.log').text
assert log.contains('netspec: 2 specs, 2 files written') : 'the edit rewrites the network and the spec copy'
assert log.contains('netspec: 2 specs up to date, nothing to generate')
return true
