#!/usr/bin/python3
"""The oracle of netspec's blocks: PyTorch's own operators on the inputs and parameters a Java test wrote.

Usage: /usr/bin/python3 tools/oracle/blocks_oracle.py FOLDER

FOLDER holds one folder per case, written by blocks' BlocksOracleTest: case.txt (the block's kind and settings,
one `key value` per line), manifest.txt (one `name dim...` per line) and NAME.bin for each name there: float32,
little-endian, row-major. Parameter names are the DJL paths of the block's parameters (`02conv_weight`). The
script writes out.bin and out.shape, the output PyTorch computes from the definition of the block: nothing of
netspec's Java code is used, so the two agree only if the block computes what PyTorch's operators compute.
"""
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F


def read_case(folder):
    settings = {}
    with open(os.path.join(folder, "case.txt")) as f:
        for line in f:
            key, value = line.split(None, 1)
            settings[key] = value.strip()
    arrays = {}
    with open(os.path.join(folder, "manifest.txt")) as f:
        for line in f:
            parts = line.split()
            shape = [int(d) for d in parts[1:]]
            data = np.fromfile(os.path.join(folder, parts[0] + ".bin"), dtype="<f4").reshape(shape)
            arrays[parts[0]] = torch.from_numpy(data.copy())
    return settings, arrays


def unit(x, p, prefix, stride, padding, eps, relu, training):
    """A ConvolutionUnit: [1x1 reduction unit], conv, [batch norm], [relu]; children 01reduction, conv, batch_norm."""
    index = 1
    if prefix + "01reduction_01conv_weight" in p:
        x = unit(x, p, prefix + "01reduction_", 1, 0, eps, relu, training)
        index = 2
    conv = "%s%02dconv_" % (prefix, index)
    x = F.conv2d(x, p[conv + "weight"], p.get(conv + "bias"), stride, padding)
    norm = "%s%02dbatch_norm_" % (prefix, index + 1)
    if norm + "gamma" in p:
        x = F.batch_norm(x, p[norm + "runningMean"].clone(), p[norm + "runningVar"].clone(), p[norm + "gamma"],
                         p[norm + "beta"], training, 0.1, eps)
    return F.relu(x) if relu else x


def linear(x, p, prefix):
    weight = [k for k in p if k.startswith(prefix) and k.endswith("weight")][0]
    bias = [k for k in p if k.startswith(prefix) and k.endswith("bias")][0]
    return F.linear(torch.flatten(x, 1), p[weight], p[bias])


def compute(s, p):
    x = p["input"]
    kind = s["kind"]
    training = s.get("training") == "true"
    eps = float(s.get("eps", "1e-5"))
    relu = s.get("relu", "true") == "true"
    if kind == "convolution_unit":
        return unit(x, p, "", int(s["stride"]), int(s["padding"]), eps, relu, training)
    if kind == "inception":
        five = int(s["patch5x5"])
        return torch.cat([
            unit(x, p, "01branch1x1_", 1, 0, eps, relu, training),
            unit(x, p, "02branch3x3_", 1, 1, eps, relu, training),
            unit(x, p, "03branch5x5_", 1, five // 2, eps, relu, training),
            unit(F.max_pool2d(x, 3, 1, 1), p, "04pool_projection_", 1, 0, eps, relu, training),
        ], 1)
    if kind == "lrn":
        return F.local_response_norm(x, int(s["size"]), float(s["alpha"]), float(s["beta"]), float(s["k"]))
    if kind == "max_pool":
        return F.max_pool2d(x, int(s["kernel"]), int(s["stride"]), int(s["padding"]), ceil_mode=s["ceil"] == "true")
    if kind == "adaptive_avg_pool":
        return F.adaptive_avg_pool2d(x, (int(s["height"]), int(s["width"])))
    if kind == "aux_classifier":
        x = F.avg_pool2d(x, 5, 3, 0, ceil_mode=True, count_include_pad=True)
        x = unit(x, p, "02conv_", 1, 0, eps, True, training)
        x = F.relu(linear(x, p, "03fc1_"))
        return linear(x, p, "04fc2_")
    raise ValueError("unknown kind " + kind)


def main(root):
    torch.set_num_threads(1)
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        settings, arrays = read_case(folder)
        with torch.no_grad():
            out = compute(settings, arrays).contiguous().numpy().astype("<f4")
        out.tofile(os.path.join(folder, "out.bin"))
        with open(os.path.join(folder, "out.shape"), "w") as f:
            f.write(" ".join(str(d) for d in out.shape) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
