"""Reads and writes safetensors files (https://github.com/huggingface/safetensors, format described in its
README): an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape and byte range,
then the data. Written here with torch alone so that generated modules need nothing else."""

import ctypes
import json
import os
import struct

import torch

_DTYPES = {
    "F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
    "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
    "BOOL": torch.bool,
}
_NAMES = {dtype: name for name, dtype in _DTYPES.items()}


def save(tensors, path, metadata=None):
    """Writes `tensors` (name -> tensor, in that order) to `path` atomically (a temporary file renamed)."""
    header = {}
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    blobs = []
    offset = 0
    for name, tensor in tensors.items():
        tensor = tensor.detach().to("cpu").contiguous()
        size = tensor.numel() * tensor.element_size()
        header[name] = {"dtype": _NAMES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + size]}
        blobs.append(ctypes.string_at(tensor.data_ptr(), size) if size else b"")
        offset += size
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    temporary = os.path.join(os.path.dirname(os.path.abspath(path)), "." + os.path.basename(path) + ".tmp")
    with open(temporary, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for blob in blobs:
            out.write(blob)
    os.replace(temporary, path)


def load(path):
    """The tensors of a safetensors file, name -> CPU tensor, in the file's header order; and its metadata."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError(f"{path}: not a safetensors file (too short)")
    (length,) = struct.unpack("<Q", data[:8])
    if length > len(data) - 8:
        raise ValueError(f"{path}: not a safetensors file (header length {length})")
    header = json.loads(data[8:8 + length].decode("utf-8"))
    metadata = header.pop("__metadata__", {}) or {}
    start = 8 + length
    buffer = bytearray(data[start:])
    tensors = {}
    for name, entry in header.items():
        dtype = _DTYPES.get(entry["dtype"])
        if dtype is None:
            raise ValueError(f"{path}: tensor {name} has dtype {entry['dtype']}, which netspec does not read")
        begin, end = entry["data_offsets"]
        shape = entry["shape"]
        count = 1
        for d in shape:
            count *= d
        if count == 0:
            tensors[name] = torch.zeros(shape, dtype=dtype)
            continue
        if end - begin != count * torch.tensor([], dtype=dtype).element_size() or end > len(buffer):
            raise ValueError(f"{path}: tensor {name}'s byte range does not match its shape {shape}")
        tensors[name] = torch.frombuffer(buffer, dtype=dtype, count=count, offset=begin).reshape(shape).clone()
    return tensors, metadata


def module_tensors(module):
    """A module's state_dict as netspec exports it: float32 values, num_batches_tracked written as 0."""
    tensors = {}
    for name, value in module.state_dict().items():
        if name.endswith("num_batches_tracked"):
            tensors[name] = torch.zeros((), dtype=torch.int64)
        else:
            tensors[name] = value.detach().float()
    return tensors


def load_into(module, path):
    """Loads a safetensors file into `module`; the names and shapes must be exactly the module's."""
    tensors, _ = load(path)
    expected = module.state_dict()
    missing = [n for n in expected if n not in tensors]
    unknown = [n for n in tensors if n not in expected]
    if missing or unknown:
        raise ValueError(f"{path}: not the parameters of {type(module).__name__}: "
                         f"missing {missing[:5]}, unknown {unknown[:5]}")
    for name, value in expected.items():
        if tuple(tensors[name].shape) != tuple(value.shape):
            raise ValueError(f"{path}: {name} has shape {list(tensors[name].shape)}, the module's is "
                             f"{list(value.shape)}")
    # num_batches_tracked is ignored on import (written as 0): keep the module's own count
    module.load_state_dict({n: (expected[n] if n.endswith("num_batches_tracked") else t.to(expected[n].dtype))
                            for n, t in tensors.items()})
