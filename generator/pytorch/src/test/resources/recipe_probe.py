"""What netspec_torch.train makes of a generated module's training: recipe, as JSON on one line. Run in the output
folder: `recipe_probe.py MODULE DATA_FOLDER [OPTION...]` writes a tiny Fashion-MNIST-like IDX data set (64
training and 32 test images of 28x28, gzipped) into DATA_FOLDER, trains MODULE on it with the options given, and
prints the recipe the module carries, the optimizer's settings at its creation (lr, momentum, weight decay: as
train.py made it), the learning rate of every optimizer step, and the run's run.json settings and metrics."""
import gzip
import json
import os
import struct
import sys

import torch

from netspec_torch import runfolder, train


def write_idx(path, values):
    with gzip.open(path, "wb") as f:
        f.write(bytes([0, 0, 0x08, values.dim()]) + struct.pack(">" + "I" * values.dim(), *values.shape))
        f.write(values.numpy().tobytes())


module_name, folder, options = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(folder, exist_ok=True)
g = torch.Generator().manual_seed(3)
for prefix, n in (("train", 64), ("t10k", 32)):
    write_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz"),
              torch.randint(0, 256, (n, 28, 28), generator=g, dtype=torch.uint8))
    write_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"),
              torch.randint(0, 10, (n,), generator=g, dtype=torch.uint8))

created, rates = [], []
make_optimizer = train.make_optimizer


def recording_optimizer(parameters, args):
    optimizer = make_optimizer(parameters, args)
    group = optimizer.param_groups[0]
    created.append({"type": type(optimizer).__name__, "lr": group["lr"], "momentum": group.get("momentum"),
                    "weight_decay": group["weight_decay"]})
    step = optimizer.step

    def recording_step(*a, **k):
        rates.append(optimizer.param_groups[0]["lr"])
        return step(*a, **k)

    optimizer.step = recording_step
    return optimizer


train.make_optimizer = recording_optimizer
run = train.main([module_name, "--data", folder, "--device", "cpu", "--output", os.path.join(folder, "runs")]
                 + options)
with open(os.path.join(run, "run.json")) as f:
    settings = json.load(f)["settings"]
print(json.dumps({"training": __import__(module_name).TRAINING, "optimizer": created[0], "rates": rates,
                  "settings": settings, "metrics": runfolder.read_metrics(run)}))
