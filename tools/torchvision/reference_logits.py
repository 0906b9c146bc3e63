"""Writes a randomly initialised torchvision googlenet and its logits on a random batch, for netspec's tests.

    /usr/bin/python3 tools/torchvision/reference_logits.py FOLDER [SEED]

writes FOLDER/googlenet.pth (the state_dict), FOLDER/batch.bin (a (2, 3, 224, 224) batch) and
FOLDER/logits.bin (torchvision's (2, 1000) logits in inference mode), both raw little-endian float32.
The network is googlenet(aux_logits=True, init_weights=True, transform_input=False) seeded with SEED (default
0); its BatchNorm scales, shifts and running statistics and its classifier are then drawn at random too, so that
a test that loads them in the wrong place sees it. No weights are downloaded. Needs Debian's python3-torchvision.
"""
import os
import sys

import torch
from torchvision.models import googlenet


def main():
    folder = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    torch.manual_seed(seed)
    model = googlenet(weights=None, aux_logits=True, init_weights=True, transform_input=False, num_classes=1000)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                module.weight.uniform_(0.5, 1.5)
                module.bias.uniform_(-0.2, 0.2)
                module.running_mean.uniform_(-0.2, 0.2)
                module.running_var.uniform_(0.5, 1.5)
        model.fc.weight.uniform_(-0.1, 0.1)  # larger logits than the init's, so that differences show
        model.fc.bias.uniform_(-0.1, 0.1)
    model.eval()
    batch = torch.rand(2, 3, 224, 224) * 2 - 1
    with torch.no_grad():
        logits = model(batch)
    torch.save(model.state_dict(), os.path.join(folder, "googlenet.pth"))
    batch.numpy().astype("<f4").tofile(os.path.join(folder, "batch.bin"))
    logits.numpy().astype("<f4").tofile(os.path.join(folder, "logits.bin"))
    print(f"torch {torch.__version__}: logits {tuple(logits.shape)}, |logits| max {logits.abs().max().item():.4f}")


if __name__ == "__main__":
    main()
