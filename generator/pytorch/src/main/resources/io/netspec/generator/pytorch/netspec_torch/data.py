"""The data sets `netspec train --data` reads, read the same way: the embedded Fashion-MNIST sample, a folder of
IDX files (train-images-idx3-ubyte[.gz] ...), or an image folder with train/ and val/ class subfolders. Images
are kept as uint8 (N, C, H, W) and normalised as netspec does: pixels on [0, 1] minus the training set's pixel
mean, over its standard deviation (one figure each, over every pixel)."""

import gzip
import os
import struct

import math

import torch
from torch.nn import functional as F

FASHION_MNIST_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                         "Bag", "Ankle boot"]
EMBEDDED = "embedded"
SAMPLE_FOLDER = "fashion-mnist-sample"
# where the sample is in a netspec checkout (runtime/src/main/resources/io/netspec/runtime/data/)
_CHECKOUT_SAMPLE = os.path.join("runtime", "src", "main", "resources", "io", "netspec", "runtime", "data",
                                SAMPLE_FOLDER)
_SPLIT_PREFIX = {"train": "train", "test": "t10k"}
_LUMINANCE = (0.299, 0.587, 0.114)


class DataError(Exception):
    """A data set that cannot be read; the message names the file or folder."""


class Images:
    """Labelled uint8 images (N, C, H, W) and their int64 labels."""

    def __init__(self, pixels, labels, classes, source):
        self.pixels = pixels
        self.labels = labels
        self.classes = classes
        self.source = source

    def __len__(self):
        return self.labels.shape[0]

    def limit(self, n):
        """The first `n` images (all if `n` is 0 or more than there are), as `netspec train --limit`."""
        return self if n <= 0 or n >= len(self) else Images(self.pixels[:n], self.labels[:n], self.classes,
                                                            self.source)

    def statistics(self):
        """Pixel mean and standard deviation on the [0, 1] scale, over every pixel (population figures)."""
        values = self.pixels.to(torch.float64)
        n = max(1, values.numel())
        mean = values.sum().item() / n
        variance = max(0.0, (values * values).sum().item() / n - mean * mean)
        return mean / 255, variance ** 0.5 / 255


def sample_folder():
    """The embedded sample's folder: $NETSPEC_SAMPLE, a `fashion-mnist-sample` folder beside this package, or
    the one of a netspec checkout in the working folder."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for folder in (os.environ.get("NETSPEC_SAMPLE"), os.path.join(here, SAMPLE_FOLDER), _CHECKOUT_SAMPLE):
        if folder and os.path.isfile(os.path.join(folder, "train-images-idx3-ubyte.gz")):
            return folder
    raise DataError(f"embedded: the Fashion-MNIST sample is not beside {here}; copy netspec's {_CHECKOUT_SAMPLE} "
                    f"there, or set NETSPEC_SAMPLE to it")


def load(argument, channels, height, width):
    """The (train, test) images that `--data argument` names, as `netspec train` resolves it."""
    if argument in (None, EMBEDDED):
        return idx_folder(sample_folder(), "embedded Fashion-MNIST sample")
    if argument == "fashion-mnist" and not os.path.isdir(argument):
        argument = "/usr/share/datasets/fashion-mnist"
    if not os.path.isdir(argument):
        raise DataError(f"{argument}: not a folder of IDX files or of class folders")
    if any(os.path.exists(os.path.join(argument, "train-images-idx3-ubyte" + s)) for s in ("", ".gz")):
        return idx_folder(argument, argument)
    if os.path.isdir(os.path.join(argument, "train")) and os.path.isdir(os.path.join(argument, "val")):
        return image_folder(argument, channels, height, width)
    raise DataError(f"{argument}: neither IDX files (train-images-idx3-ubyte[.gz]) nor train/ and val/ image "
                    f"folders")


def idx_folder(folder, description):
    return tuple(Images(*_idx_split(folder, _SPLIT_PREFIX[split]), FASHION_MNIST_CLASSES, description)
                 for split in ("train", "test"))


def _idx_split(folder, prefix):
    images = read_idx(_idx_file(folder, prefix + "-images-idx3-ubyte"))
    labels = read_idx(_idx_file(folder, prefix + "-labels-idx1-ubyte"))
    if images.dim() != 3 or labels.dim() != 1 or images.shape[0] != labels.shape[0]:
        raise DataError(f"{folder}: {prefix} images {list(images.shape)} and labels {list(labels.shape)} disagree")
    return images.unsqueeze(1), labels.to(torch.int64)


def _idx_file(folder, name):
    for candidate in (os.path.join(folder, name), os.path.join(folder, name + ".gz")):
        if os.path.isfile(candidate):
            return candidate
    raise DataError(f"{os.path.join(folder, name)}[.gz]: no such file")


def read_idx(path):
    """An IDX file of unsigned bytes (magic 0x0801 or 0x0803), gzipped or not, as a uint8 tensor."""
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise DataError(f"{path}: cannot be read ({e})") from e
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise DataError(f"{path}: not an IDX file of unsigned bytes")
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    count = 1
    for d in shape:
        count *= d
    start = 4 + 4 * dims
    if len(data) - start != count:
        raise DataError(f"{path}: {len(data) - start} bytes of values, its header says {count}")
    return torch.frombuffer(bytearray(data[start:]), dtype=torch.uint8).reshape(shape).clone()


def image_folder(folder, channels, height, width):
    """train/ and val/ folders with one subfolder per class (the class names: train's subfolders, sorted)."""
    try:
        from PIL import Image
    except ImportError as e:
        raise DataError(f"{folder}: reading image files needs Pillow (pip install pillow)") from e
    classes = sorted(d for d in os.listdir(os.path.join(folder, "train"))
                     if os.path.isdir(os.path.join(folder, "train", d)) and not d.startswith("."))
    mode = "L" if channels == 1 else "RGB"
    splits = []
    for split in ("train", "val"):
        pixels, labels = [], []
        for index, name in enumerate(classes):
            class_folder = os.path.join(folder, split, name)
            if not os.path.isdir(class_folder):
                continue
            for file in sorted(os.listdir(class_folder)):
                if not file.lower().endswith((".jpg", ".jpeg", ".png")):
                    continue
                try:
                    with Image.open(os.path.join(class_folder, file)) as image:
                        image = image.convert(mode).resize((width, height), Image.BILINEAR)
                        data = torch.frombuffer(bytearray(image.tobytes()), dtype=torch.uint8)
                except OSError:
                    continue  # an undecodable file is skipped, as netspec train does
                pixels.append(data.reshape(height, width, -1).permute(2, 0, 1))
                labels.append(index)
        if not pixels:
            raise DataError(f"{os.path.join(folder, split)}: no images")
        splits.append(Images(torch.stack(pixels), torch.tensor(labels, dtype=torch.int64), classes, folder))
    return tuple(splits)


def normalise(pixels, mean, std, channels):
    """uint8 (N, C, H, W) images as the network's float input: scaled, normalised, channels matched."""
    x = pixels.to(torch.float32) * (1.0 / (255.0 * std)) - (mean / std)
    if x.shape[1] == channels:
        return x
    if x.shape[1] == 1:
        return x.expand(-1, channels, -1, -1)
    if x.shape[1] == 3 and channels == 1:
        return sum(w * x[:, c:c + 1] for c, w in enumerate(_LUMINANCE))
    raise DataError(f"images of {x.shape[1]} channels cannot feed a network of {channels}")


class Augmentation:
    """The random changes `--augment` names, as netspec's Augmentation draws them: `flip` mirrors half the
    images; `crop` takes a random window of 8% to 100% of the area with an aspect ratio of 3/4 to 4/3 (ten tries,
    else the whole image), torchvision's RandomResizedCrop. Windows are fractions of the image, drawn on the CPU
    from this object's own seeded generator."""

    MIN_AREA, MIN_RATIO, MAX_RATIO, ATTEMPTS = 0.08, 3 / 4, 4 / 3, 10

    def __init__(self, name, seed=0):
        self.crop = "crop" in name
        self.flip = "flip" in name
        self.generator = torch.Generator().manual_seed(seed)

    def draw(self, n):
        """(windows, flips) for n images: windows (n, 4) as top, left, height, width fractions, or None; flips a
        bool tensor (n,), or None."""
        windows = flips = None
        if self.crop:
            g = self.generator
            area = self.MIN_AREA + torch.rand(n, self.ATTEMPTS, generator=g, dtype=torch.float64) * (1 - self.MIN_AREA)
            low, high = math.log(self.MIN_RATIO), math.log(self.MAX_RATIO)
            ratio = torch.exp(low + torch.rand(n, self.ATTEMPTS, generator=g, dtype=torch.float64) * (high - low))
            w, h = torch.sqrt(area * ratio), torch.sqrt(area / ratio)
            fits = (w <= 1) & (h <= 1)
            first = torch.where(fits.any(1), fits.to(torch.int8).argmax(1), torch.full((n,), -1))
            rows = torch.arange(n)
            w = torch.where(first >= 0, w[rows, first.clamp(min=0)], torch.ones(n, dtype=torch.float64))
            h = torch.where(first >= 0, h[rows, first.clamp(min=0)], torch.ones(n, dtype=torch.float64))
            top = torch.rand(n, generator=g, dtype=torch.float64) * (1 - h)
            left = torch.rand(n, generator=g, dtype=torch.float64) * (1 - w)
            windows = torch.stack([top, left, h, w], 1).to(torch.float32)
        if self.flip:
            flips = torch.rand(n, generator=self.generator) < 0.5
        return windows, flips


def resized_crops(x, height, width, windows=None, flips=None):
    """Images (N, C, H, W) resized bilinearly to (height, width) with half-pixel centres and edge clamping (as
    netspec's Bilinear and F.interpolate(align_corners=False)); with `windows` (N, 4: top, left, height, width as
    fractions of the image) each image's window is resized instead, and with `flips` (N,) those images are
    mirrored. One batched grid_sample on the images' device."""
    if windows is None and flips is None:
        if x.shape[2] == height and x.shape[3] == width:
            return x
        return F.interpolate(x, size=(height, width), mode="bilinear", align_corners=False)
    n = x.shape[0]
    if windows is None:
        windows = torch.tensor([[0.0, 0.0, 1.0, 1.0]]).expand(n, 4)
    top, left, h, w = windows.unbind(1)
    sign = torch.ones(n) if flips is None else 1.0 - 2.0 * flips.to(torch.float32)
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = w * sign
    theta[:, 0, 2] = 2 * left + w - 1
    theta[:, 1, 1] = h
    theta[:, 1, 2] = 2 * top + h - 1
    grid = F.affine_grid(theta.to(x.device, x.dtype), [n, x.shape[1], height, width], align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
