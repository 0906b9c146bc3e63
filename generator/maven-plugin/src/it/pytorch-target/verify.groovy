// One Python module per spec, the runtime library beside them, carrying the spec's text; no Java sources.
def out = new File(basedir, 'target/generated-sources/netspec-pytorch')
def module = new File(out, 'googlenet_fashion.py').text
assert module.contains('class GooglenetFashion(nn.Module):')
assert module.contains('"googlenet-fashion.yaml": (')
assert module.contains('"googlenet.yaml": (') : 'the spec it extends travels with it'
assert new File(out, 'googlenet.py').isFile()
assert new File(out, 'netspec_torch/train.py').isFile()
assert !new File(basedir, 'target/generated-sources/netspec/io').exists() : 'no DJL sources for this target'
return true
