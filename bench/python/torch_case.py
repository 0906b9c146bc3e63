"""One benchmark case on Debian's PyTorch, in its own process; the counterpart of io.netspec.bench.ThroughputCase.

usage: /usr/bin/python3 torch_case.py MODEL SIZE BATCH MODE WARMUP ITERATIONS THREADS [PRECISION]
PRECISION: fp32 (default) or bf16, the forward pass and the loss under torch.autocast("cpu", torch.bfloat16).
Prints one JSON line: images/s over the timed iterations, each iteration's milliseconds, each iteration's minor page
faults (warm-up included), peak resident memory.
"""
import contextlib
import json
import os
import resource
import sys
import time

import torch
import torchvision
from torch import nn


def peak_rss_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def build(model, size):
    if model == "torchvision":
        # torchvision's own googlenet: the generated googlenet-torchvision matches it parameter for parameter;
        # at 96x96 its adaptive pool does what the bench variant's global_avg_pool does
        return torchvision.models.googlenet(weights=None, aux_logits=True, transform_input=False,
                                            init_weights=True)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from paper_googlenet import PaperGoogLeNet
    return PaperGoogLeNet(size)


def autocast(precision):
    """Mixed precision as PyTorch does it on the CPU, or nothing for fp32."""
    if precision == "bf16":
        return torch.autocast("cpu", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def main():
    model_name, size, batch, mode, warmup, iterations, threads = sys.argv[1:8]
    precision = sys.argv[8] if len(sys.argv) > 8 else "fp32"
    size, batch, warmup, iterations, threads = map(int, (size, batch, warmup, iterations, threads))
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(42)
    model = build(model_name, size)
    images = torch.randn(batch, 3, size, size)
    labels = torch.randint(0, 1000, (batch,))
    millis = []
    faults = []
    if mode == "train":
        model.train()
        loss_fn = nn.CrossEntropyLoss()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
        for i in range(warmup + iterations):
            faults_before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            start = time.perf_counter()
            optimizer.zero_grad()
            with autocast(precision):
                out = model(images)
                if model_name == "torchvision":
                    logits, aux2, aux1 = out  # GoogLeNetOutputs(logits, aux_logits2, aux_logits1)
                else:
                    logits, aux1, aux2 = out
                loss = loss_fn(logits, labels) + 0.3 * loss_fn(aux1, labels) + 0.3 * loss_fn(aux2, labels)
            loss.backward()
            optimizer.step()
            elapsed = (time.perf_counter() - start) * 1000
            faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults_before)
            if i >= warmup:
                millis.append(elapsed)
    else:
        model.eval()
        with torch.no_grad():
            for i in range(warmup + iterations):
                faults_before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
                start = time.perf_counter()
                with autocast(precision):
                    logits = model(images)
                logits.float().numpy()
                elapsed = (time.perf_counter() - start) * 1000
                faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults_before)
                if i >= warmup:
                    millis.append(elapsed)
    print(json.dumps({
        "side": "pytorch", "model": model_name, "size": size, "batch": batch, "mode": mode, "precision": precision,
        "images_per_second": round(batch * len(millis) / (sum(millis) / 1000), 3),
        "step_ms": [round(m, 2) for m in millis], "step_minor_faults": faults, "peak_rss_kb": peak_rss_kb(),
        "engine": "PyTorch " + torch.__version__ + ", torchvision " + torchvision.__version__,
        "threads": torch.get_num_threads(), "interop_threads": torch.get_num_interop_threads()}))


if __name__ == "__main__":
    main()
