"""The paper's GoogLeNet (specs/googlenet.yaml) written in PyTorch, layer for layer as the generated network.

Convolutions with bias and ReLU, no BatchNorm; LRN (size 5, alpha 1e-4, beta 0.75, k 1) after conv1's pool
and after conv2; "5x5" branches with 5x5 patches; every pool rounds up (ceil); the pool branch of an
inception module is a 3x3/1 max pool padded by 1; the head is a 7x7/1 average pool (global at 96x96),
dropout 0.4 and a linear layer; the auxiliary classifiers (after 4a and 4d) are a 5x5/3 average pool,
a 1x1 convolution to 128 with ReLU, a 1024-unit linear layer with ReLU, dropout 0.7 and a linear layer.
"""
import torch
from torch import nn


class Unit(nn.Module):
    """A convolution with bias and ReLU, with an optional 1x1 reduction (with ReLU) before it."""

    def __init__(self, inputs, filters, patch, stride=1, reduce=0):
        super().__init__()
        layers = []
        if reduce:
            layers += [nn.Conv2d(inputs, reduce, 1), nn.ReLU(inplace=False)]
            inputs = reduce
        layers += [nn.Conv2d(inputs, filters, patch, stride, (patch - 1) // 2), nn.ReLU(inplace=False)]
        self.body = nn.Sequential(*layers)

    def forward(self, x):
        return self.body(x)


class Inception(nn.Module):
    def __init__(self, inputs, b1, r3, b3, r5, b5, proj):
        super().__init__()
        self.branch1x1 = Unit(inputs, b1, 1)
        self.branch3x3 = Unit(inputs, b3, 3, reduce=r3)
        self.branch5x5 = Unit(inputs, b5, 5, reduce=r5)
        self.pool = nn.MaxPool2d(3, 1, 1)
        self.pool_projection = Unit(inputs, proj, 1)

    def forward(self, x):
        return torch.cat([self.branch1x1(x), self.branch3x3(x), self.branch5x5(x),
                          self.pool_projection(self.pool(x))], 1)


class Aux(nn.Module):
    def __init__(self, inputs, features, classes):
        super().__init__()
        self.pool = nn.AvgPool2d(5, 3, ceil_mode=True)
        self.conv = Unit(inputs, 128, 1)
        self.fc1 = nn.Linear(features, 1024)
        self.dropout = nn.Dropout(0.7)
        self.fc2 = nn.Linear(1024, classes)

    def forward(self, x):
        x = self.conv(self.pool(x))
        x = torch.relu(self.fc1(torch.flatten(x, 1)))
        return self.fc2(self.dropout(x))


class PaperGoogLeNet(nn.Module):
    def __init__(self, size=224, classes=1000):
        super().__init__()
        lrn = lambda: nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=1.0)
        pool = lambda: nn.MaxPool2d(3, 2, ceil_mode=True)
        self.stem = nn.Sequential(Unit(3, 64, 7, 2), pool(), lrn(), Unit(64, 192, 3, reduce=64), lrn(), pool())
        self.i3a = Inception(192, 64, 96, 128, 16, 32, 32)
        self.i3b = Inception(256, 128, 128, 192, 32, 96, 64)
        self.pool3 = pool()
        self.i4a = Inception(480, 192, 96, 208, 16, 48, 64)
        self.i4b = Inception(512, 160, 112, 224, 24, 64, 64)
        self.i4c = Inception(512, 128, 128, 256, 24, 64, 64)
        self.i4d = Inception(512, 112, 144, 288, 32, 64, 64)
        self.i4e = Inception(528, 256, 160, 320, 32, 128, 128)
        self.pool4 = pool()
        self.i5a = Inception(832, 256, 160, 320, 32, 128, 128)
        self.i5b = Inception(832, 384, 192, 384, 48, 128, 128)
        # 224: 7x7 at stage 5, pooled 7x7/1 (count_include_pad as the generated network's avg pool)
        self.pool5 = nn.AvgPool2d(7, 1, ceil_mode=True) if size == 224 else nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(0.4)
        self.fc = nn.Linear(1024, classes)
        aux_side = 4 if size == 224 else 2  # the 5x5/3 ceil pool of 14x14 and of 6x6
        self.aux1 = Aux(512, 128 * aux_side * aux_side, classes)
        self.aux2 = Aux(528, 128 * aux_side * aux_side, classes)

    def forward(self, x):
        x = self.pool3(self.i3b(self.i3a(self.stem(x))))
        x = self.i4a(x)
        aux1 = self.aux1(x) if self.training else None
        x = self.i4d(self.i4c(self.i4b(x)))
        aux2 = self.aux2(x) if self.training else None
        x = self.i5b(self.i5a(self.pool4(self.i4e(x))))
        x = self.fc(self.dropout(torch.flatten(self.pool5(x), 1)))
        return (x, aux1, aux2) if self.training else x
