"""The GPU checks of netspec's PyTorch target, run by device_check.sh in a folder of modules that
`netspec generate specs/*.yaml --target pytorch -o DIR` wrote. Prints one line per check and a summary.

  cuda-vs-cpu  every module: fp32 logits on CUDA (TF32 off) against CPU, same seeded weights and batch
  bf16         autocast bfloat16 inference against fp32 (max difference, top-1 agreement, images/s), and
               bfloat16 training steps (finite losses, images/s against fp32 steps)

Without CUDA, the CUDA checks are reported as skipped and the bfloat16 ones run on the CPU, smaller.
"""

import argparse
import glob
import importlib
import math
import os
import sys
import time

import torch
from torch.nn import functional as F

RESULTS = []  # (check, passed or None for skipped, text)


def report(check, passed, text):
    RESULTS.append((check, passed, text))
    state = "SKIP" if passed is None else ("ok" if passed else "FAIL")
    print(f"[{state:4}] {check}: {text}", flush=True)


def strict_fp32():
    """No TF32 anywhere: the PyTorch 2.9+ settings where they exist, else the older flags."""
    matmul = getattr(torch.backends.cuda.matmul, "fp32_precision", None)
    if matmul is not None:
        torch.backends.cuda.matmul.fp32_precision = "ieee"
        torch.backends.cudnn.conv.fp32_precision = "ieee"
    else:
        torch.backends.cuda.matmul.allow_tf32 = False
        torch.backends.cudnn.allow_tf32 = False
    torch.backends.cudnn.benchmark = False
    torch.backends.cudnn.deterministic = True


def modules(folder):
    names = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(folder, "*.py")))
    found = []
    for name in names:
        module = importlib.import_module(name)
        if hasattr(module, "NETWORK") and hasattr(module, "SPEC_SHA256"):
            found.append(module)
    return found


def seeded(module, seed=0):
    """The module's network with seeded weights and non-trivial BatchNorm statistics, in inference mode."""
    torch.manual_seed(seed)
    net = module.NETWORK()
    with torch.no_grad():
        for name, buffer in net.named_buffers():
            if name.endswith("running_mean"):
                buffer.uniform_(-0.1, 0.1)
            elif name.endswith("running_var"):
                buffer.uniform_(0.5, 1.5)
    return net.eval()


def cuda_vs_cpu(module, batch):
    net = seeded(module)
    torch.manual_seed(1)
    x = torch.randn(batch, *module.INPUT_SHAPE)
    with torch.no_grad():
        cpu = net(x)
        gpu = net.to("cuda")(x.to("cuda")).cpu()
    diff = (gpu - cpu).abs().max().item()
    scale = max(1.0, cpu.abs().max().item())
    report(f"cuda-vs-cpu {module.__name__}", diff <= 1e-4 * scale,
           f"max |cuda - cpu| = {diff:.3g} over logits up to {cpu.abs().max().item():.3g} (batch {batch}, "
           f"bound {1e-4 * scale:.3g})")


def throughput(step, images, seconds_budget, device):
    """Images per second of `step` (warmed up first), timed over about `seconds_budget` seconds."""
    step()
    sync(device)
    runs, start = 0, time.time()
    while runs < 3 or time.time() - start < seconds_budget:
        step()
        runs += 1
        if runs >= 200:
            break
    sync(device)
    return runs * images / (time.time() - start)


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def bf16_inference(module, device, batch, budget):
    net = seeded(module).to(device)
    torch.manual_seed(2)
    x = torch.randn(batch, *module.INPUT_SHAPE, device=device)
    with torch.no_grad():
        fp32 = net(x).float()
        with torch.autocast(device.type, dtype=torch.bfloat16):
            bf16 = net(x).float()
        fp32_rate = throughput(lambda: net(x), batch, budget, device)

        def half_step():
            with torch.autocast(device.type, dtype=torch.bfloat16):
                net(x)
        bf16_rate = throughput(half_step, batch, budget, device)
    diff = (bf16 - fp32).abs().max().item()
    agree = (bf16.argmax(1) == fp32.argmax(1)).float().mean().item()
    scale = fp32.abs().max().item()
    # a report, not a bound: bfloat16 keeps 8 bits of mantissa; the check fails only on non-finite logits
    report(f"bf16-inference {module.__name__} on {device.type}", math.isfinite(diff),
           f"max |bf16 - fp32| = {diff:.3g} (logits up to {scale:.3g}), top-1 agreement {100 * agree:.1f}%, "
           f"{fp32_rate:.0f} img/s fp32, {bf16_rate:.0f} img/s bf16 (x{bf16_rate / fp32_rate:.2f}), batch {batch}")


def bf16_training(module, device, batch, steps):
    rates, losses = {}, {}
    for label, enabled in (("fp32", False), ("bf16", True)):
        torch.manual_seed(3)
        net = module.NETWORK().to(device).train()
        optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
        x = torch.randn(batch, *module.INPUT_SHAPE, device=device)
        y = torch.randint(0, module.CLASSES, (batch,), device=device)
        weights = list(module.AUX_LOSS_WEIGHTS.values())
        seen = []

        def step():
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=enabled):
                outputs = net(x)
            outputs = outputs if isinstance(outputs, tuple) else (outputs,)
            loss = F.cross_entropy(outputs[0].float(), y) + sum(
                w * F.cross_entropy(o.float(), y) for w, o in zip(weights, outputs[1:]))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            seen.append(loss.item())
        step()
        sync(device)
        start = time.time()
        for _ in range(steps):
            step()
        sync(device)
        rates[label] = steps * batch / (time.time() - start)
        losses[label] = seen
    finite = all(math.isfinite(v) for v in losses["bf16"])
    report(f"bf16-training {module.__name__} on {device.type}", finite,
           f"{steps + 1} steps of batch {batch}: bf16 losses {losses['bf16'][0]:.4f} -> {losses['bf16'][-1]:.4f} "
           f"(fp32 {losses['fp32'][0]:.4f} -> {losses['fp32'][-1]:.4f}); {rates['fp32']:.0f} img/s fp32, "
           f"{rates['bf16']:.0f} img/s bf16 (x{rates['bf16'] / rates['fp32']:.2f})")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("folder")
    args = p.parse_args()
    sys.path.insert(0, os.path.abspath(args.folder))
    cuda = torch.cuda.is_available()
    print(f"torch {torch.__version__}, CUDA {'available: ' + torch.cuda.get_device_name(0) if cuda else 'absent'}, "
          f"{torch.get_num_threads()} CPU threads", flush=True)
    found = modules(args.folder)
    if not found:
        report("modules", False, f"no generated modules in {args.folder}")
        return 1
    report("modules", True, ", ".join(m.__name__ for m in found))
    if cuda:
        strict_fp32()
        for module in found:
            cuda_vs_cpu(module, 8)
    else:
        report("cuda-vs-cpu", None, "no CUDA device")
    device = torch.device("cuda" if cuda else "cpu")
    for module in found:
        big = module.INPUT_SHAPE[1] * module.INPUT_SHAPE[2] > 64 * 64
        if cuda:
            bf16_inference(module, device, 64 if big else 512, 3.0)
            bf16_training(module, device, 64 if big else 256, 20)
        elif not big:  # on a CPU, the small networks only
            bf16_inference(module, device, 64, 1.0)
            bf16_training(module, device, 32, 3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
