"""Writes the two casts io.netspec.bench.CeilingCase needs for its BF16 convolution, as TorchScript modules that
DJL's libtorch runs: DJL 0.36 has no cast to or from bfloat16 (its native table of data types ends before it;
DataType.BFLOAT16 aborts the JVM), but it holds the bfloat16 arrays such a module makes (as DataType.UNKNOWN) and
runs its own Conv2d.conv2d on them. The convolution timed is DJL's; the casts are outside the timing.

Usage: ceiling_modules.py FOLDER  (writes FOLDER/to_bfloat16.pt and FOLDER/to_float32.pt)
"""
import os
import sys

import torch


class ToBFloat16(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.bfloat16)


class ToFloat32(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.float32)


def main(folder):
    os.makedirs(folder, exist_ok=True)
    torch.jit.save(torch.jit.script(ToBFloat16()), os.path.join(folder, "to_bfloat16.pt"))
    torch.jit.save(torch.jit.script(ToFloat32()), os.path.join(folder, "to_float32.pt"))


if __name__ == "__main__":
    main(sys.argv[1])
