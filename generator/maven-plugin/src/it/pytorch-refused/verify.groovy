// A row the PyTorch target cannot name is refused at its file:line:column, without a stack trace; nothing written.
def log = new File(basedir, 'build.log').text
assert log.contains("keyword.yaml:5:5: error: the PyTorch target cannot express row 'lambda'")
assert !log.contains('at io.netspec') : 'no stack trace'
def out = new File(basedir, 'target/generated-sources/netspec-pytorch')
assert !out.exists() || out.listFiles().length == 0 : 'nothing is written'
return true
