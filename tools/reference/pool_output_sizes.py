"""Output sizes of PyTorch's max_pool2d in floor and ceil mode, the reference for Analyzer.outputSize.

    /usr/bin/python3 tools/reference/pool_output_sizes.py   # prints length,window,stride,padding,floor,ceil
"""
import torch

CASES = [(112, 3, 2, 0), (14, 2, 2, 0), (5, 2, 2, 1), (7, 3, 2, 1), (6, 3, 3, 0), (10, 4, 3, 2),
         (1, 3, 2, 1), (28, 3, 2, 0), (13, 3, 2, 0)]
for length, window, stride, padding in CASES:
    x = torch.zeros(1, 1, length, length)
    size = {mode: torch.nn.functional.max_pool2d(x, window, stride, padding, ceil_mode=mode).shape[-1]
            for mode in (False, True)}
    print(f"{length},{window},{stride},{padding},{size[False]},{size[True]}")
