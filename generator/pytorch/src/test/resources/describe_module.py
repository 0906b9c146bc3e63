"""Prints what a generated module holds, one fact a line: its state_dict in order ("tensor NAME SHAPE DTYPE",
SHAPE as 2,3 or [] for a scalar), the shapes of its outputs on a batch of two in training ("train SHAPE", one
line each) and in inference ("eval SHAPE"), and the spec's SHA-256 it carries. Run in the output folder."""
import importlib
import sys

import torch


def shape(t):
    return ",".join(str(d) for d in t.shape) or "[]"


module = importlib.import_module(sys.argv[1])
torch.manual_seed(0)
net = module.NETWORK()
for name, value in net.state_dict().items():
    print("tensor", name, shape(value), str(value.dtype).replace("torch.", ""))
x = torch.randn(2, *module.INPUT_SHAPE)
net.train()
outputs = net(x)
for t in outputs if isinstance(outputs, tuple) else (outputs,):
    print("train", shape(t))
net.eval()
with torch.no_grad():
    print("eval", shape(net(x)))
print("sha256", module.SPEC_SHA256)
import hashlib  # noqa: E402

print("sources_sha256", hashlib.sha256(b"".join(t.encode("utf-8") for t in module.SPEC_SOURCES.values())).hexdigest())
