"""The run folder `netspec train` writes, written the same way so that `netspec eval`, `predict`, `report` and
`train --weights` read a PyTorch run as a Java one: run.json, class_indices.json, spec/<files>, metrics.jsonl
(one JSON object per epoch), confusion.json, and the parameters as last.safetensors and best.safetensors
(netspec's tensor names). Every file is written under a temporary name, then renamed into place."""

import json
import math
import os
import re

from . import safetensors

SPEC_FOLDER = "spec"


def create(parent, kind="train"):
    """Creates the next free `<parent>/<kind>-N` folder, N from 1: a run never overwrites another."""
    os.makedirs(parent, exist_ok=True)
    pattern = re.compile(re.escape(kind) + r"-(\d{1,9})")
    numbers = [int(m.group(1)) for m in map(pattern.fullmatch, os.listdir(parent)) if m]
    n = max(numbers, default=0) + 1
    while True:
        path = os.path.join(parent, f"{kind}-{n}")
        try:
            os.mkdir(path)
            return path
        except FileExistsError:
            n += 1


def write_text(folder, name, text):
    target = os.path.join(folder, name)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    temporary = os.path.join(os.path.dirname(target), "." + os.path.basename(target) + ".tmp")
    with open(temporary, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(temporary, target)


def write_json(folder, name, value):
    write_text(folder, name, json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def read_json(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        return json.load(f)


def write_spec(folder, sources):
    """The spec file and every spec it extends, by their names relative to the spec's folder."""
    for name, text in sources.items():
        write_text(folder, SPEC_FOLDER + "/" + name, text)


def save_parameters(folder, name, module, metadata):
    safetensors.save(safetensors.module_tensors(module), os.path.join(folder, name + ".safetensors"), metadata)


def _number(value, digits):
    return None if not math.isfinite(value) else round(value, digits)


def metrics_line(m):
    """One line of metrics.jsonl, keys in the order netspec's EpochMetrics writes them."""
    return json.dumps({
        "epoch": m["epoch"],
        "loss": _number(m["loss"], 6),
        "main_loss": _number(m["main_loss"], 6),
        "aux_losses": {k: _number(v, 6) for k, v in m["aux_losses"].items()},
        "train_accuracy": _number(m["train_accuracy"], 6),
        "val_loss": _number(m["val_loss"], 6),
        "val_accuracy": _number(m["val_accuracy"], 6),
        "lr": m["lr"],
        "images_per_second": _number(m["images_per_second"], 1),
        "seconds": _number(m["seconds"], 2),
    }, separators=(",", ":"))


def write_metrics(folder, epochs):
    write_text(folder, "metrics.jsonl", "".join(metrics_line(m) + "\n" for m in epochs))


def read_metrics(folder):
    with open(os.path.join(folder, "metrics.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
