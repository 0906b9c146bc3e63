"""Converts torchvision's googlenet weights (a state_dict .pth) to a safetensors file netspec reads.

    /usr/bin/python3 tools/torchvision/convert_googlenet.py googlenet-1378be20.pth googlenet.safetensors

specs/googlenet-torchvision.yaml names its rows as torchvision names its modules, so the tensor names netspec
expects are the state_dict keys unchanged; the Java side checks every name and shape when it reads the file.

Needs only Debian's python3-torch (apt-get install python3-torch); no other package, no network. The .pth is
read with torch.load(weights_only=True), which loads tensors but runs no pickled code. The safetensors file is
written here with struct and json, as the format documents it: an 8-byte little-endian header length, a JSON
header mapping each tensor's name to its dtype, shape and [begin, end) byte offsets, then the raw little-endian
bytes. Every tensor is kept, in the file's order: float32 as F32, BatchNorm's num_batches_tracked (int64) as I64.
The output is written to a temporary file beside it and moved into place when complete.
"""
import argparse
import json
import os
import pickle
import struct
import sys
import tempfile

import torch

DTYPES = {torch.float32: "F32", torch.int64: "I64"}


def state_dict_of(path):
    try:
        loaded = torch.load(path, map_location="cpu", weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, EOFError) as e:
        raise ValueError(f"{path}: not a PyTorch state_dict file ({str(e).splitlines()[0][:120]})") from e
    if isinstance(loaded, dict) and isinstance(loaded.get("state_dict"), dict):
        loaded = loaded["state_dict"]
    if not isinstance(loaded, dict) or not all(isinstance(v, torch.Tensor) for v in loaded.values()):
        raise ValueError(f"{path}: not a state_dict (a mapping of names to tensors)")
    if "conv1.conv.weight" not in loaded:
        raise ValueError(f"{path}: has no conv1.conv.weight, so it is not torchvision's googlenet")
    return loaded


def little_endian_bytes(tensor):
    array = tensor.detach().cpu().contiguous().numpy()
    return array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes()


def write_safetensors(tensors, path):
    header = {}
    chunks = []
    offset = 0
    for name, tensor in tensors.items():
        if tensor.dtype not in DTYPES:
            raise ValueError(f"{name}: dtype {tensor.dtype}; netspec reads float32 and int64 tensors")
        data = little_endian_bytes(tensor)
        header[name] = {"dtype": DTYPES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the format allows trailing spaces; aligns the data to 8 bytes
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path), suffix=".part")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp's file is private; the output is an ordinary file
        with os.fdopen(handle, "wb") as out:
            out.write(struct.pack("<Q", len(text)))
            out.write(text)
            for chunk in chunks:
                out.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return offset


def main():
    parser = argparse.ArgumentParser(description="torchvision googlenet state_dict (.pth) to safetensors")
    parser.add_argument("pth", help="the state_dict file, e.g. googlenet-1378be20.pth")
    parser.add_argument("output", help="the safetensors file to write")
    args = parser.parse_args()
    try:
        tensors = state_dict_of(args.pth)
        size = write_safetensors(tensors, args.output)
    except (OSError, ValueError, RuntimeError, EOFError, pickle.UnpicklingError) as e:
        message = str(e).splitlines()[0] if str(e) else type(e).__name__
        print(f"convert_googlenet: error: {message}", file=sys.stderr)
        return 1
    print(f"{args.output}: {len(tensors)} tensors, {size:,} bytes of tensor data")
    return 0


if __name__ == "__main__":
    sys.exit(main())
