"""Prints the keys, shapes and dtypes of torchvision's googlenet state_dict, one tensor a line, in order.

specs/googlenet-torchvision.yaml's tensor names (netspec's TensorNames) must equal these, shape for shape; the
dsl test TensorNamesTest compares them with the committed copy of this output,
dsl/src/test/resources/tensors/torchvision-googlenet.txt, and with a fresh run of this script where Debian's
python3-torchvision is installed. Run with Debian's Python (a reference tool, never a dependency of netspec):

    /usr/bin/python3 tools/torchvision/state_dict_keys.py > dsl/src/test/resources/tensors/torchvision-googlenet.txt

Each line: name, a tab, the shape as [d0, d1, ...], a tab, the dtype (float32 or int64).
"""
import sys

import torch
from torchvision.models import googlenet

model = googlenet(weights=None, aux_logits=True, init_weights=True, num_classes=1000)
for name, tensor in model.state_dict().items():
    shape = "[" + ", ".join(str(d) for d in tensor.shape) + "]"
    dtype = str(tensor.dtype).replace("torch.", "")
    sys.stdout.write(f"{name}\t{shape}\t{dtype}\n")
