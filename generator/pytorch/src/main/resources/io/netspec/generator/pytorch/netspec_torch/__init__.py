"""netspec's small runtime library for the PyTorch modules that `netspec generate --target pytorch` writes.

Written once and copied, unchanged, next to the generated modules: the units every spec shares (`layers`),
the parameter files (`safetensors`), the data sets `netspec train` reads (`data`), the run folder
(`runfolder`) and the torchrun training entry point (`python -m netspec_torch.train MODULE`).
It needs torch only; reading folders of image files also needs Pillow.
"""
