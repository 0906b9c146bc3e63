"""For each generated module named on the command line: loads NAME.weights.safetensors (the DJL network's
export) into it with netspec_torch.safetensors, runs it in inference mode on the tensor "input" of
NAME.input.safetensors, and writes the logits as the tensor "logits" of NAME.logits.safetensors."""
import importlib
import sys

import torch

from netspec_torch import safetensors

torch.set_num_threads(1)
for name in sys.argv[1:]:
    module = importlib.import_module(name)
    net = module.NETWORK()
    safetensors.load_into(net, name + ".weights.safetensors")
    tensors, _ = safetensors.load(name + ".input.safetensors")
    with torch.no_grad():
        logits = net.eval()(tensors["input"])
    safetensors.save({"logits": logits}, name + ".logits.safetensors")
