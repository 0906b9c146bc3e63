"""The netspec benchmark: generated DJL networks against the same architectures in Debian's PyTorch.

Run through bench/run (see BENCHMARKS.md). Every case (architecture x input/batch x mode) runs each side as
its own process (so that peak resident memory is per process), A/B interleaved over rounds with the order
alternating, each process warming up before its timed iterations; the table shows medians over rounds.
Then it times generating and compiling all specs, profiles a training step on both sides, writes
bench/results/<date>.json and regenerates the measured part of BENCHMARKS.md.
"""
import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import profile_report

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
PYTHON = "/usr/bin/python3"

MODELS = [("torchvision", "googlenet-torchvision (generated) / torchvision googlenet"),
          ("paper", "googlenet, the paper (generated) / the same layers in PyTorch")]
SHAPES = [(224, 16), (96, 32)]
MODES = ["train", "infer"]

# (warm-up, timed iterations) per (size, mode): about the same number of images per measurement
# (224x224 training: 2 warm-up steps, as the profile takes; the second step still grows the allocator's heap)
ITERATIONS = {(224, "train"): (2, 4), (96, "train"): (2, 8), (224, "infer"): (2, 8), (96, "infer"): (2, 12)}
QUICK_ITERATIONS = {key: (1, 2) for key in ITERATIONS}


def java_command(main, *args, threads):
    classpath = os.path.join(BENCH, "target", "netspec-bench-0.1.0-SNAPSHOT.jar") + os.pathsep + \
        os.path.join(BENCH, "target", "lib", "*")
    return ["java", f"-Dai.djl.pytorch.num_threads={threads}", "-Dai.djl.pytorch.num_interop_threads=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", classpath, main] + [str(a) for a in args]


def native_memory_settings():
    """runtime/native-memory.env: what the netspec launcher exports (transparent huge pages for libtorch, glibc's
    malloc keeping freed memory), as NAME -> VALUE."""
    settings = {}
    with open(os.path.join(ROOT, "runtime", "native-memory.env")) as env_file:
        for line in env_file:
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, value = line.partition("=")
                settings[name] = value
    return settings


def run_json(command, threads):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    command = [str(part) for part in command]
    if command[0] == "java":
        # the netspec side runs with the launcher's native memory settings (BENCHMARKS.md, "Training step
        # changes", items 3 and 7); the PyTorch side with Python's defaults, as a PyTorch user runs it
        env.update({name: value for name, value in native_memory_settings().items() if name not in os.environ})
    start, busy, ours = time.perf_counter(), cpu_busy_seconds(), children_cpu_seconds()
    done = subprocess.run(command, cwd=HERE, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    others = (cpu_busy_seconds() - busy) - (children_cpu_seconds() - ours)
    lines = [l for l in done.stdout.splitlines() if l.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    result = json.loads(lines[-1])
    result["process_seconds"] = round(seconds, 2)
    # CPU used by every other process of the machine while this one ran, in cores (0: the machine was ours)
    result["other_cpu_cores"] = round(max(0.0, others) / seconds, 2)
    return result


def cpu_busy_seconds():
    """Busy CPU seconds of the whole machine since boot, from /proc/stat."""
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_line(command):
    try:
        return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def machine():
    fields = {}
    with open("/proc/cpuinfo") as info:
        for line in info:
            if not line.strip():
                break  # the first processor's block
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
    cpu = fields.get("model name", "unknown")
    # what decides bfloat16's speed, and tells one processor generation from another with the same model name
    flags = set(fields.get("flags", "").split())
    cpu += (f", family {fields.get('cpu family', '?')} model {fields.get('model', '?')}; "
            + ", ".join(f for f in ("avx2", "avx512f", "avx512_bf16", "amx_bf16") if f in flags))
    with open("/proc/meminfo") as info:
        mem_kb = int(info.readline().split()[1])
    torch_info = subprocess.run([PYTHON, "-c", "import torch, torchvision; print(torch.__version__); "
                                 "print(torchvision.__version__); print(torch.backends.mkldnn.is_available())"],
                                capture_output=True, text=True).stdout.split()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem_kb / 1024 / 1024, 1),
            "kernel": platform.release(), "java": java[0] if java else "unknown",
            "djl": "0.36.0", "libtorch_djl": "2.7.1 (ai.djl.pytorch:pytorch-native-cpu)",
            "torch": torch_info[0] if torch_info else "unknown",
            "torchvision": torch_info[1] if len(torch_info) > 1 else "unknown",
            "python": first_line([PYTHON, "--version"]),
            "debian_blas": os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")}


def median(values):
    return round(statistics.median(values), 3)


def throughput(rounds, iterations, threads, log, partial_file=None, models=None):
    cases = []
    for model, _ in MODELS:
        if models and model not in models:
            continue
        for size, batch in SHAPES:
            for mode in MODES:
                cases.append({"model": model, "size": size, "batch": batch, "mode": mode,
                              "warmup": iterations[(size, mode)][0], "iterations": iterations[(size, mode)][1],
                              "runs": {"netspec": [], "pytorch": []}})
    for r in range(rounds):
        for index, case in enumerate(cases):
            sides = ["netspec", "pytorch"] if (r + index) % 2 == 0 else ["pytorch", "netspec"]
            args = (case["model"], case["size"], case["batch"], case["mode"], case["warmup"], case["iterations"])
            for side in sides:
                if side == "netspec":
                    command = java_command("io.netspec.bench.ThroughputCase", *args, threads=threads)
                else:
                    command = [PYTHON, os.path.join(HERE, "torch_case.py")] + [str(a) for a in args] + [str(threads)]
                result = run_json(command, threads)
                result["round"] = r + 1
                result["order"] = sides.index(side) + 1
                case["runs"][side].append(result)
                if partial_file:  # every process's result so far, should the run be stopped
                    with open(partial_file, "w") as f:
                        json.dump(cases, f, indent=1)
                log(f"round {r + 1}/{rounds} {case['model']:11} {case['size']:3}/{case['batch']:2} {case['mode']:5} "
                    f"{side:7} {result['images_per_second']:8.2f} img/s  peak RSS "
                    f"{result['peak_rss_kb'] / 1024:6.0f} MiB  ({result['process_seconds']} s, others used "
                    f"{result['other_cpu_cores']} cores)")
    for case in cases:
        for side in ("netspec", "pytorch"):
            runs = case["runs"][side]
            case[side] = {"images_per_second": median([x["images_per_second"] for x in runs]),
                          "per_round": [x["images_per_second"] for x in runs],
                          "peak_rss_mib": median([x["peak_rss_kb"] / 1024 for x in runs]),
                          "other_cpu_cores": median([x["other_cpu_cores"] for x in runs]),
                          "engine": runs[0]["engine"], "threads": runs[0]["threads"]}
        case["ratio"] = round(case["netspec"]["images_per_second"] / case["pytorch"]["images_per_second"], 3)
    return cases


# the spec each throughput case's generated network was built from (bench/src/.../Networks.java)
SPECS = {("torchvision", 224): "specs/googlenet-torchvision.yaml", ("torchvision", 96): "bench/specs/googlenet-torchvision-96.yaml",
         ("paper", 224): "specs/googlenet.yaml", ("paper", 96): "bench/specs/googlenet-96.yaml"}


def ceiling(runs, threads, quick, log):
    """The FP32 and BF16 convolution ceiling (io.netspec.bench.CeilingCase), one process per run; medians."""
    warmup, iterations = (2, 5) if quick else (2, 9)
    casts = os.path.join(BENCH, "target", "ceiling-casts")  # TorchScript casts to and from bfloat16
    subprocess.run([PYTHON, os.path.join(HERE, "ceiling_modules.py"), casts], check=True)
    measured = [run_json(java_command("io.netspec.bench.CeilingCase", casts, warmup, iterations, threads=threads),
                         threads) for _ in range(runs)]
    result = dict(measured[0], runs=measured)
    for dtype in ("fp32", "bf16"):
        result[dtype] = {"gflops": median([m[dtype]["gflops"] for m in measured]),
                         "per_run": [m[dtype]["gflops"] for m in measured]}
    log(f"ceiling: {result['case']}: FP32 {result['fp32']['gflops']:.1f} GFLOP/s, BF16 "
        f"{result['bf16']['gflops']:.1f} GFLOP/s (median of {runs}; BF16 output within "
        f"{measured[0]['bf16']['max_relative_difference']} of FP32's, relative to its largest value)")
    return result


def network_flops():
    """FLOP per image of every throughput case's network, from the dsl analysis's multiply-adds
    (io.netspec.bench.NetworkFlops): 2 FLOP per multiply-add; inference = the main path's forward; training =
    3 x the training forward (main path + auxiliary classifiers): the forward, and a backward of twice its cost
    (the gradients of the inputs and of the weights)."""
    macs = run_json(java_command("io.netspec.bench.NetworkFlops", *[os.path.join(ROOT, f) for f in SPECS.values()],
                                 threads=1), 1)
    flops = {}
    for (model, size), spec in SPECS.items():
        m = macs[os.path.join(ROOT, spec)]
        flops[f"{model}@{size}"] = {"spec": spec, "forward_macs": m["forward_macs"], "aux_macs": m["aux_macs"],
                                    "infer": 2 * m["forward_macs"], "train": 3 * 2 * (m["forward_macs"] + m["aux_macs"])}
    return flops


def add_flop_rates(cases, flops, ceiling_result):
    """GFLOP/s of each side of each throughput case and its fraction of the FP32 ceiling, in place."""
    fp32 = ceiling_result["fp32"]["gflops"]
    for case in cases:
        per_image = flops[f"{case['model']}@{case['size']}"][case["mode"]]
        case["flop_per_image"] = per_image
        for side in ("netspec", "pytorch"):
            gflops = case[side]["images_per_second"] * per_image / 1e9
            case[side]["gflops"] = round(gflops, 1)
            case[side]["fraction_of_fp32_ceiling"] = round(gflops / fp32, 3)


def fold_case(threads, quick, log):
    """googlenet-torchvision's 224x224 batch-16 inference forward with BatchNorm folded into the convolutions
    against unfolded, alternately in one process (io.netspec.bench.FoldCase)."""
    warmup, iterations = (1, 2) if quick else (2, 8)
    result = run_json(java_command("io.netspec.bench.FoldCase", "torchvision", 224, 16, warmup, iterations,
                                   threads=threads), threads)
    result.update(warmup=warmup, iterations=iterations)
    log(f"BatchNorm folded: {result['folded_ms']:.0f} ms per forward against {result['unfolded_ms']:.0f} ms unfolded "
        f"({result['speedup']:.2f}x; logits within {result['max_abs_logit_difference']})")
    return result


# --precision bf16 against fp32: googlenet-torchvision at 224x224, batch 16, training and inference, each side in
# both precisions (PyTorch's under torch.autocast("cpu", torch.bfloat16)), interleaved in every round
PRECISION_CASES = [("torchvision", 224, 16, "train"), ("torchvision", 224, 16, "infer")]
PRECISIONS = ["fp32", "bf16"]


def precision_cases(rounds, iterations, threads, log):
    cases = [{"model": model, "size": size, "batch": batch, "mode": mode, "warmup": iterations[(size, mode)][0],
              "iterations": iterations[(size, mode)][1],
              "runs": {f"{side} {precision}": [] for side in ("netspec", "pytorch") for precision in PRECISIONS}}
             for model, size, batch, mode in PRECISION_CASES]
    for r in range(rounds):
        for index, case in enumerate(cases):
            keys = list(case["runs"])
            if (r + index) % 2 == 1:
                keys.reverse()
            args = (case["model"], case["size"], case["batch"], case["mode"], case["warmup"], case["iterations"])
            for key in keys:
                side, precision = key.split()
                if side == "netspec":
                    command = java_command("io.netspec.bench.ThroughputCase", *args, precision, threads=threads)
                else:
                    command = [PYTHON, os.path.join(HERE, "torch_case.py")] + [str(a) for a in args] + \
                        [str(threads), precision]
                result = run_json(command, threads)
                result["round"] = r + 1
                case["runs"][key].append(result)
                log(f"round {r + 1}/{rounds} {case['model']:11} {case['size']:3}/{case['batch']:2} {case['mode']:5} "
                    f"{key:12} {result['images_per_second']:8.2f} img/s  ({result['process_seconds']} s, others used "
                    f"{result['other_cpu_cores']} cores)")
    for case in cases:
        ips = {key: median([x["images_per_second"] for x in runs]) for key, runs in case["runs"].items()}
        case["images_per_second"] = ips
        case["bf16_over_fp32"] = {side: round(ips[f"{side} bf16"] / ips[f"{side} fp32"], 3)
                                  for side in ("netspec", "pytorch")}
        case["netspec_over_pytorch"] = {precision: round(ips[f"netspec {precision}"] / ips[f"pytorch {precision}"], 3)
                                        for precision in PRECISIONS}
        log(f"{case['model']} {case['size']}/{case['batch']} {case['mode']}: bf16/fp32 netspec "
            f"{case['bf16_over_fp32']['netspec']}, PyTorch {case['bf16_over_fp32']['pytorch']}; netspec/PyTorch in bf16 "
            f"{case['netspec_over_pytorch']['bf16']}")
    return cases


def generate_and_compile(repetitions, log):
    result = run_json(java_command("io.netspec.bench.GenerateAndCompile", os.path.join(ROOT, "specs"),
                                   repetitions, threads=2), 2)
    totals = [g + c for g, c in zip(result["generate_seconds"], result["compile_seconds"])]
    result["total_seconds"] = [round(t, 3) for t in totals]
    result["median_total_seconds"] = median(totals)
    result["median_generate_seconds"] = median(result["generate_seconds"])
    result["median_compile_seconds"] = median(result["compile_seconds"])
    log(f"generate + compile all specs: median {result['median_total_seconds']} s over {repetitions} "
        f"(generate {result['median_generate_seconds']} s, compile {result['median_compile_seconds']} s)")
    return result


def max_pool_case(threads, repetitions, log):
    """Every max pool of googlenet-torchvision's 224x224 batch-16 inference forward, engine vs generated."""
    spec = os.path.join(ROOT, "specs", "googlenet-torchvision.yaml")
    result = run_json(java_command("io.netspec.bench.MaxPoolCase", spec, 16, repetitions, threads=threads), threads)
    log(f"max pools of an inference forward: engine {result['engine_total_ms']:.1f} ms, "
        f"generated MaxPool {result['shifted_total_ms']:.1f} ms")
    return result


def lrn_case(threads, repetitions, log):
    """Local response normalisation in training (forward + backward) at the paper network's LRN shapes, 224x224
    batch 16 and 96x96 batch 32: the blocks library's LocalResponseNorm against the formulation it replaced."""
    shapes = ["16,64,56,56", "16,192,56,56", "32,64,24,24", "32,192,24,24"]
    result = run_json(java_command("io.netspec.bench.LrnCase", repetitions, *shapes, threads=threads), threads)
    log("local response normalisation, training: " + ", ".join(
        f"{s['input']} {s['previous_ms']:.1f} -> {s['lrn_ms']:.1f} ms" for s in result["shapes"]))
    return result


def profile(model, size, batch, steps, threads, results_dir, stamp, log, mode="train", precision="fp32"):
    java_trace = os.path.join(results_dir, f"{stamp}-profile-netspec.trace.json")
    torch_trace = os.path.join(results_dir, f"{stamp}-profile-pytorch.trace.json")
    netspec = run_json(java_command("io.netspec.bench.ProfileStep", model, size, batch, steps, java_trace, mode,
                                    precision, threads=threads), threads)
    pytorch = run_json([PYTHON, os.path.join(HERE, "profile_torch.py"), model, size, batch, steps, threads,
                        torch_trace, mode, precision], threads)
    for side, trace in ((netspec, java_trace), (pytorch, torch_trace)):
        side["engine_calls"] = profile_report.summarize(trace, steps)
        side["phases_median_ms"] = {k: median(v) for k, v in side["phases_ms"].items()}
        if "rows_forward_ms" in side:
            side["rows_forward_median_ms"] = {k: median(v) for k, v in side["rows_forward_ms"].items()}
        os.remove(trace)  # several MB each; the summary is kept
    log(f"profile {model} {size}/{batch} {mode} {precision}: netspec step {netspec['phases_median_ms']['total']} ms, "
        f"PyTorch step {pytorch['phases_median_ms']['total']} ms")
    name = "googlenet-torchvision" if model == "torchvision" else "googlenet (paper)"
    step = "training step" if mode == "train" else "inference forward"
    in_bf16 = ", bf16" if precision == "bf16" else ""
    return {"case": f"{name}, {size}x{size}, batch {batch}, {step}{in_bf16}", "mode": mode, "precision": precision,
            "steps": steps,
            "netspec": netspec, "pytorch": pytorch}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: one round, 1 warm-up + 2 timed iterations, one profile; "
                        "writes the results file only")
    parser.add_argument("--rounds", type=int, help="A/B rounds per case (default 3; 1 with --quick)")
    parser.add_argument("--threads", type=int, default=2, help="intra-op threads on both sides (default 2)")
    parser.add_argument("--no-markdown", action="store_true", help="write the results file only")
    parser.add_argument("--note", default="", help="a line for BENCHMARKS.md about the run's conditions")
    parser.add_argument("--profile", nargs="+", metavar="MODEL SIZE BATCH MODE [PRECISION]",
                        help="only profile one case (MODEL torchvision or paper, SIZE 224 or 96, MODE train or infer, "
                        "PRECISION fp32 or bf16, fp32 when left out), 3 steps; writes bench/results/<stamp>-profile.json "
                        "and prints its tables")
    parser.add_argument("--precision-only", action="store_true",
                        help="only the fp32 / bf16 cases (googlenet-torchvision 224x224 batch 16, training and "
                        "inference); writes bench/results/<stamp>-precision.json")
    parser.add_argument("--throughput-only", nargs="+", choices=[m for m, _ in MODELS], metavar="MODEL",
                        help="only the throughput cases (both sizes, training and inference, both sides) of these "
                        "architectures (torchvision, paper); writes bench/results/<stamp>-throughput.json, not "
                        "BENCHMARKS.md")
    parser.add_argument("--replicas-only", action="store_true",
                        help="only `train --replicas 2` against 1 through the CLI (googlenet-fashion on part of "
                        "Fashion-MNIST in bf16 and fp32, googlenet-torchvision on generated photos); writes "
                        "bench/results/<stamp>-replicas.json")
    options = parser.parse_args()
    if options.replicas_only:
        replicas_only(options)
        return
    if options.throughput_only:
        throughput_only(options)
        return
    if options.precision_only:
        precision_only(options)
        return
    if options.profile:
        if len(options.profile) not in (4, 5) or options.profile[3] not in ("train", "infer") or \
                options.profile[4:] not in ([], ["fp32"], ["bf16"]):
            parser.error("--profile takes MODEL SIZE BATCH MODE [PRECISION]: MODE train or infer, PRECISION fp32 or bf16")
        profile_only(options)
        return
    rounds = options.rounds or (1 if options.quick else 3)
    iterations = QUICK_ITERATIONS if options.quick else ITERATIONS
    results_dir = os.path.join(BENCH, "results")
    os.makedirs(results_dir, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    stamp = now.strftime("%Y-%m-%dT%H%M%SZ") + ("-quick" if options.quick else "")

    def log(text):
        print(text, flush=True)

    start = time.perf_counter()
    busy_before, ours_before = cpu_busy_seconds(), children_cpu_seconds()
    with open("/proc/loadavg") as f:
        load_before = f.read().split()[:3]
    results = {"date": now.strftime("%Y-%m-%d %H:%M UTC"), "quick": options.quick, "rounds": rounds,
               "threads": options.threads, "note": options.note, "machine": machine()}
    log(f"netspec benchmark, {rounds} round(s), {options.threads} threads, {results['machine']['cpu']}")
    partial = os.path.join(results_dir, stamp + ".partial.json")
    results["throughput"] = throughput(rounds, iterations, options.threads, log, partial)
    os.remove(partial)
    results["ceiling"] = ceiling(rounds, options.threads, options.quick, log)
    results["flops"] = network_flops()
    add_flop_rates(results["throughput"], results["flops"], results["ceiling"])
    results["fold"] = fold_case(options.threads, options.quick, log)
    results["precision"] = precision_cases(rounds, iterations, options.threads, log)
    results["generate_and_compile"] = generate_and_compile(2 if options.quick else 3, log)
    results["max_pool"] = max_pool_case(options.threads, 3 if options.quick else 7, log)
    results["lrn"] = lrn_case(options.threads, 3 if options.quick else 7, log)
    results["profile"] = profile("torchvision", 96, 32, 2 if options.quick else 3, options.threads, results_dir,
                                 stamp, log)
    if not options.quick:
        # a second case: the paper's layers (LRN, conv bias, 5x5 branches, plain aux pools) at full size
        results["profile_paper_224"] = profile("paper", 224, 16, 2, options.threads, results_dir, stamp, log)
        # the cases that trailed: googlenet-torchvision at full size, training and inference
        results["profile_torchvision_224"] = profile("torchvision", 224, 16, 2, options.threads, results_dir, stamp,
                                                     log)
        results["profile_torchvision_224_infer"] = profile("torchvision", 224, 16, 3, options.threads, results_dir,
                                                           stamp, log, mode="infer")
    wall = time.perf_counter() - start
    others = (cpu_busy_seconds() - busy_before) - (children_cpu_seconds() - ours_before)
    with open("/proc/loadavg") as f:
        load_after = f.read().split()[:3]
    results["run"] = {"wall_seconds": round(wall, 1), "load_average_before": load_before,
                      "load_average_after": load_after,
                      "other_processes_cpu_cores_average": round(max(0.0, others) / wall, 2)}
    log(f"done in {wall / 60:.1f} min; other processes used {results['run']['other_processes_cpu_cores_average']} "
        f"cores on average meanwhile")
    out = os.path.join(results_dir, stamp + ".json")
    with open(out, "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")
    log(f"results: {os.path.relpath(out, ROOT)}")
    if not options.no_markdown and not options.quick:  # a smoke run leaves BENCHMARKS.md alone
        import markdown_table
        markdown_table.update(os.path.join(ROOT, "BENCHMARKS.md"), results, os.path.relpath(out, ROOT))
        log("BENCHMARKS.md updated")


def part_only(options, key, measure):
    """One part of the benchmark on its own: measure(rounds, iterations, log) under results[key], written to
    bench/results/<stamp>-<key>.json with the machine, the load before and the CPU other processes used."""
    rounds = options.rounds or (1 if options.quick else 3)
    results_dir = os.path.join(BENCH, "results")
    os.makedirs(results_dir, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    start = time.perf_counter()
    busy_before, ours_before = cpu_busy_seconds(), children_cpu_seconds()
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    results = {"date": now.strftime("%Y-%m-%d %H:%M UTC"), "rounds": rounds, "threads": options.threads,
               "note": options.note, "machine": machine(), "load_average_before": load,
               key: measure(rounds, QUICK_ITERATIONS if options.quick else ITERATIONS,
                            lambda text: print(text, flush=True))}
    wall = time.perf_counter() - start
    others = (cpu_busy_seconds() - busy_before) - (children_cpu_seconds() - ours_before)
    results["run"] = {"wall_seconds": round(wall, 1),
                      "other_processes_cpu_cores_average": round(max(0.0, others) / wall, 2)}
    out = os.path.join(results_dir, now.strftime("%Y-%m-%dT%H%M%SZ") + f"-{key}.json")
    with open(out, "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")
    print(f"results: {os.path.relpath(out, ROOT)} ({wall / 60:.1f} min; other processes used "
          f"{results['run']['other_processes_cpu_cores_average']} cores on average)")
    return results


def precision_only(options):
    part_only(options, "precision",
              lambda rounds, iterations, log: precision_cases(rounds, iterations, options.threads, log))


def throughput_only(options):
    results = part_only(options, "throughput", lambda rounds, iterations, log: throughput(
        rounds, iterations, options.threads, log, models=options.throughput_only))
    for case in results["throughput"]:
        print(f"{case['model']:11} {case['size']:3}/{case['batch']:2} {case['mode']:5} netspec "
              f"{case['netspec']['images_per_second']:7.2f}  PyTorch {case['pytorch']['images_per_second']:7.2f}  "
              f"ratio {case['ratio']:.2f}")


# train --replicas N against 1 through the CLI itself (data loading, the held-out scoring and the optimizer step
# included), one process per run, the order alternating by round: (label, model, data arguments, other arguments)
REPLICA_CASES = [
    ("googlenet-fashion bf16, batch 128", "googlenet-fashion", ["--data", "fashion-mnist", "--limit", "15360"],
     ["--batch-size", "128", "--precision", "bf16", "--augment", "flip"]),
    ("googlenet-fashion fp32, batch 128", "googlenet-fashion", ["--data", "fashion-mnist", "--limit", "15360"],
     ["--batch-size", "128", "--augment", "flip"]),
    ("googlenet-torchvision fp32 224x224, batch 16", "googlenet-torchvision", ["--data", "PHOTOS"],
     ["--batch-size", "16", "--val-split", "0.2"]),
]


def replica_cases(rounds, log, counts=(1, 2)):
    """Images per second of one training epoch with each replica count, per case, and the ratio to one replica
    (median over rounds)."""
    jar = os.path.join(ROOT, "runtime", "target", "netspec-runtime-0.1.0-SNAPSHOT.jar")
    env = dict(os.environ, **{k: v for k, v in native_memory_settings().items() if k not in os.environ})
    work = tempfile.mkdtemp(prefix="netspec-replicas-")
    photos = os.path.join(work, "photos")
    subprocess.run([PYTHON, os.path.join(HERE, "make_photos.py"), photos, "5", "48"], check=True)
    cases = []
    try:
        for label, model, data, others in REPLICA_CASES:
            data = [photos if part == "PHOTOS" else part for part in data]
            figures = {count: [] for count in counts}
            for r in range(rounds):
                for count in (counts if r % 2 == 0 else tuple(reversed(counts))):
                    command = ["java", "-jar", jar, "train", "--model", model, *data, *others, "--epochs", "1",
                               "--replicas", str(count), "--output", os.path.join(work, "runs")]
                    start = time.perf_counter()
                    done = subprocess.run(command, env=env, capture_output=True, text=True)
                    wall = time.perf_counter() - start
                    if done.returncode != 0:
                        raise RuntimeError(f"{' '.join(command)}: {done.stderr.strip()}")
                    rate = re.findall(r"([0-9.]+) img/s", done.stdout)
                    accuracy = re.findall(r"val_accuracy ([0-9.]+)%", done.stdout)
                    figures[count].append({"images_per_second": float(rate[-1]), "wall_seconds": round(wall, 1),
                                           "val_accuracy": float(accuracy[-1])})
                    log(f"{label}, {count} replica(s): {rate[-1]} img/s, {wall:.0f} s, held-out {accuracy[-1]}%")
            medians = {count: median([f["images_per_second"] for f in figures[count]]) for count in counts}
            cases.append({"case": label, "model": model, "arguments": data + others,
                          "runs": {str(count): figures[count] for count in counts},
                          "median_images_per_second": {str(count): medians[count] for count in counts},
                          "ratio_to_one_replica": {str(count): round(medians[count] / medians[counts[0]], 3)
                                                   for count in counts[1:]}})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return cases


def replicas_only(options):
    results = part_only(options, "replicas", lambda rounds, iterations, log: replica_cases(rounds, log))
    for case in results["replicas"]:
        print(f"{case['case']}: " + ", ".join(f"{count} replica(s) {rate:.1f} img/s" for count, rate
                                              in case["median_images_per_second"].items())
              + f"; ratio {case['ratio_to_one_replica']}")


def profile_only(options):
    import markdown_table
    model, size, batch, mode = options.profile[:4]
    precision = options.profile[4] if len(options.profile) > 4 else "fp32"
    results_dir = os.path.join(BENCH, "results")
    os.makedirs(results_dir, exist_ok=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H%M%SZ") + "-profile"
    result = profile(model, int(size), int(batch), 3, options.threads, results_dir, stamp, print, mode, precision)
    out = os.path.join(results_dir, stamp + ".json")
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    lines = []
    markdown_table.render_profile(lines, result, rows=mode == "train")
    print("\n".join(lines))
    print(f"results: {os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    main()
