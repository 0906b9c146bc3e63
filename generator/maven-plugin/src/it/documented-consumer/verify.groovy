// The project of docs/maven-plugin.md, exactly as documented (PluginDocumentationTest keeps them equal): the
// network is generated, compiled, and its forward pass ran on the PyTorch engine without any download.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/generated-sources/netspec/io/netspec/models/flowers/Flowers.java').isFile()
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert !log.contains('Downloading libtorch') && !log.contains('EngineException')
return true
