"""The PyTorch side of the training-step profile; the counterpart of io.netspec.bench.ProfileStep.

usage: /usr/bin/python3 profile_torch.py MODEL SIZE BATCH STEPS THREADS TRACE_FILE [train|infer [fp32|bf16]]
Times the phases of a training step (forward, losses, backward, optimizer step), then records STEPS steps
with torch.profiler (CPU) into a Chrome trace for profile_report.py. With `infer`, an inference forward
instead (eval mode, torch.no_grad(), the logits copied out, as torch_case.py times it); with `bf16` after it, the
forward and the losses under torch.autocast, as torch_case.py runs that precision. Prints one JSON line.
"""
import json
import sys
import time

import torch
from torch import nn
from torch.profiler import ProfilerActivity, profile

from torch_case import autocast, build, peak_rss_kb


def main():
    model_name, size, batch, steps, threads, trace = sys.argv[1:7]
    infer = len(sys.argv) > 7 and sys.argv[7] == "infer"
    precision = sys.argv[8] if len(sys.argv) > 8 else "fp32"
    size, batch, steps, threads = int(size), int(batch), int(steps), int(threads)
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(42)
    model = build(model_name, size)
    model.train()
    images = torch.randn(batch, 3, size, size)
    labels = torch.randint(0, 1000, (batch,))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    phases = {}

    def step(record):
        t0 = time.perf_counter()
        optimizer.zero_grad()
        with autocast(precision):
            out = model(images)
        t1 = time.perf_counter()
        logits, aux_a, aux_b = out
        with autocast(precision):
            loss = loss_fn(logits, labels) + 0.3 * loss_fn(aux_a, labels) + 0.3 * loss_fn(aux_b, labels)
        t2 = time.perf_counter()
        loss.backward()
        t3 = time.perf_counter()
        optimizer.step()
        t4 = time.perf_counter()
        if record:
            for name, ms in (("forward", t1 - t0), ("losses", t2 - t1), ("backward", t3 - t2),
                             ("optimizer step", t4 - t3), ("total", t4 - t0)):
                phases.setdefault(name, []).append(round(ms * 1000, 3))

    if infer:
        model.eval()

        def step(record):  # noqa: F811 - the inference step replaces the training one
            t0 = time.perf_counter()
            with torch.no_grad(), autocast(precision):
                model(images).float().numpy()
            t1 = time.perf_counter()
            if record:
                for name in ("forward", "total"):
                    phases.setdefault(name, []).append(round((t1 - t0) * 1000, 3))

    for _ in range(2):  # warm-up
        step(False)
    for _ in range(steps):
        step(True)
    with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
        for _ in range(steps):
            step(False)
    prof.export_chrome_trace(trace)
    print(json.dumps({"model": model_name, "mode": "infer" if infer else "train", "precision": precision, "size": size, "batch": batch, "steps": steps, "phases_ms": phases,
                      "trace": trace, "peak_rss_kb": peak_rss_kb()}))


if __name__ == "__main__":
    main()
