"""Trainable parameter counts of torchvision's googlenet, the figure specs/googlenet-torchvision.yaml must equal.

Run with Debian's python3-torchvision (a reference tool, never a dependency of netspec):
    apt-get install -y python3-torchvision && /usr/bin/python3 tools/reference/torchvision_params.py
"""
import torch
import torchvision
from torchvision.models import googlenet

print(f"torch {torch.__version__}, torchvision {torchvision.__version__}")
for aux in (True, False):
    model = googlenet(weights=None, aux_logits=aux, init_weights=False, num_classes=1000)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    print(f"aux_logits={aux}: {trainable} trainable parameters")
