"""The units generated modules are made of. Their attribute names give the parameter names of netspec's
TensorNames rule (conv.weight, bn.running_var, branch2.1.conv.weight, ...), so that `state_dict()` keys equal
the names of the DJL network's safetensors export."""

import torch
from torch import nn
from torch.nn import functional as F


class ConvUnit(nn.Module):
    """A convolution, then batch normalisation if `bn_eps` is given, then a ReLU if `relu`."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, bias=True, bn_eps=None,
                 relu=True):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size, stride=stride, padding=padding, bias=bias)
        self.bn = None if bn_eps is None else nn.BatchNorm2d(out_channels, eps=bn_eps)
        self.relu = relu

    def forward(self, x):
        x = self.conv(x)
        if self.bn is not None:
            x = self.bn(x)
        return F.relu(x) if self.relu else x


def reduced_conv(in_channels, reduce, out_channels, kernel_size, stride=1, padding=0, **style):
    """A convolution row with `reduce`: a 1x1 reduction unit (`0`), then the convolution unit (`1`)."""
    return nn.Sequential(
        ConvUnit(in_channels, reduce, 1, **style),
        ConvUnit(reduce, out_channels, kernel_size, stride=stride, padding=padding, **style),
    )


class Inception(nn.Module):
    """An Inception module: 1x1; 1x1 then 3x3; 1x1 then the "5x5" patch; 3x3/1 max pool then 1x1; the four
    outputs concatenated along the channels in that order. Every convolution keeps the height and width."""

    def __init__(self, in_channels, n1x1, n3x3_reduce, n3x3, n5x5_reduce, n5x5, pool_proj, five_patch=5,
                 **style):
        super().__init__()
        self.branch1 = ConvUnit(in_channels, n1x1, 1, **style)
        self.branch2 = reduced_conv(in_channels, n3x3_reduce, n3x3, 3, padding=1, **style)
        self.branch3 = reduced_conv(in_channels, n5x5_reduce, n5x5, five_patch, padding=(five_patch - 1) // 2,
                                    **style)
        self.branch4 = nn.Sequential(
            nn.MaxPool2d(3, stride=1, padding=1),
            ConvUnit(in_channels, pool_proj, 1, **style),
        )

    def forward(self, x):
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], 1)
