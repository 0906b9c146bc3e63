"""Groups a Chrome trace of libtorch operators (DJL's JniUtils.stopProfile or torch.profiler) by block kind.

Only top-level operator calls count (a call inside another call belongs to its caller), so the times add up
to the time spent inside the engine; the rest of the traced span is time outside any engine call (Java, JNI,
DJL's bookkeeping, or Python). Backward calls (autograd's evaluate_function) are grouped by the kind of the
forward operator they differentiate.
"""
import collections
import json
import re

BACKWARD = "autograd::engine::evaluate_function: "

# (kind, pattern over the operator or backward-node name), first match wins
KINDS = [
    ("optimizer", r"^Optimizer\.step|^aten::(clone|mul_|add_|sub_|addcmul_|addcdiv_|_foreach\w*)$"),
    ("zero grad", r"^Optimizer\.zero_grad|^aten::zero_$"),
    ("gradient accumulation", r"AccumulateGrad"),
    ("convolution", r"conv"),
    ("batch norm", r"batch_?norm"),
    ("relu", r"relu|threshold"),
    ("pooling (native)", r"pool"),
    ("max pool as shifted maxima", r"^(aten::)?(maximum|constant_pad_nd|pad)$|^(Maximum|ConstantPadNd)Backward"),
    ("slices and means", r"^(aten::)?slice|^Slice|^(aten::)?mean|^Mean"),
    ("concat", r"^(aten::)?cat$|^Cat"),
    ("linear and matrix products", r"addmm|linear|^(aten::)?(mm|bmm|matmul|t)$|^(Mm|Bmm|T|Addmm|Unsafe\w*)Backward"),
    ("dropout", r"dropout|bernoulli|^(aten::)?(div_|empty_like)$"),
    ("loss", r"log_softmax|LogSoftmax|nll|cross_entropy|^(aten::)?(gather|neg|sum)$|^(Gather|Neg|Sum)Backward"),
    ("transpose", r"transpose|Transpose"),
]


def kind(name):
    for label, pattern in KINDS:
        if re.search(pattern, name, re.IGNORECASE):
            return label
    return "other"


def top_level_calls(trace_file):
    """(thread, name, microseconds) of every call not nested in another on its thread; and the traced span."""
    with open(trace_file) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") != "X" or "dur" not in e:
            continue
        if "cat" in e and e["cat"] not in ("cpu_op", "user_annotation", "Operator", "operator"):
            continue
        if str(e.get("name", "")).startswith(("ProfilerStep", "PyTorch Profiler")):
            continue
        by_thread[e["tid"]].append((float(e["ts"]), float(e["dur"]), e["name"]))
    calls, first, last = [], None, None
    for tid, spans in by_thread.items():
        spans.sort(key=lambda s: (s[0], -s[1]))
        end = float("-inf")
        for ts, dur, name in spans:
            if ts >= end:
                calls.append((tid, name, dur))
                end = ts + dur
                first = ts if first is None else min(first, ts)
                last = end if last is None else max(last, end)
    return calls, (last - first) if calls else 0.0


def summarize(trace_file, steps):
    """Per-step milliseconds and call counts by (direction, kind), plus the engine total and the traced span."""
    calls, span = top_level_calls(trace_file)
    groups = collections.defaultdict(lambda: [0.0, 0])
    ops = collections.defaultdict(lambda: [0.0, 0])
    for _, name, dur in calls:
        backward = name.startswith(BACKWARD)
        base = name[len(BACKWARD):] if backward else name
        key = ("backward" if backward else "forward/other") + ": " + kind(base)
        groups[key][0] += dur / 1000 / steps
        groups[key][1] += 1 / steps
        ops[name][0] += dur / 1000 / steps
        ops[name][1] += 1 / steps
    engine = sum(v[0] for v in groups.values())
    return {
        "kinds": {k: {"ms": round(v[0], 2), "calls": round(v[1], 1)} for k, v in
                  sorted(groups.items(), key=lambda kv: -kv[1][0])},
        "top_operators": {k: {"ms": round(v[0], 2), "calls": round(v[1], 1)} for k, v in
                          sorted(ops.items(), key=lambda kv: -kv[1][0])[:25]},
        "engine_ms_per_step": round(engine, 2),
        "traced_span_ms_per_step": round(span / 1000 / steps, 2),
        "top_level_calls_per_step": round(len(calls) / steps, 1),
    }


if __name__ == "__main__":
    import sys
    print(json.dumps(summarize(sys.argv[1], int(sys.argv[2])), indent=1))
