#!/usr/bin/env bash
# The GPU checks of netspec's PyTorch target (see device_check.py), on a machine with PyTorch and no Java.
#
#   ./netspec generate specs/*.yaml --target pytorch -o DIR       (on a machine with Java: the modules)
#   bash tools/pytorch/device_check.sh DIR                        (on the GPU machine, from the repository)
#
# 1. every module: CUDA fp32 logits (TF32 off) against CPU logits, same seeded weights and batch;
# 2. `torchrun --nproc_per_node=1` with NCCL (Gloo without CUDA) trains googlenet-fashion for one short epoch on
#    the embedded Fashion-MNIST sample (DIR/fashion-mnist-sample, else the repository's), and writes a run folder;
# 3. bfloat16 autocast inference against fp32 and bfloat16 training steps, with images per second.
# Without CUDA the CUDA parts are reported as skipped. The log goes to $OUT/device_check.log when OUT is set.
# Environment: PYTHON (default python3), LIMIT (training images, default 4096), EPOCH_TIMEOUT (s, default 300).
set -uo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 DIR   (DIR: the output of netspec generate SPEC... --target pytorch -o DIR)" >&2
  exit 2
fi
dir="$(cd "$1" && pwd)"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="${PYTHON:-python3}"
limit="${LIMIT:-4096}"
log="${OUT:-$dir}/device_check.log"
mkdir -p "$(dirname "$log")"
exec > >(tee "$log") 2>&1

if [ -z "${NETSPEC_SAMPLE:-}" ] && [ ! -d "$dir/fashion-mnist-sample" ]; then
  export NETSPEC_SAMPLE="$repo/runtime/src/main/resources/io/netspec/runtime/data/fashion-mnist-sample"
fi
echo "== netspec PyTorch device check: $dir ($(date -u +%FT%TZ))"
"$python" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "gpus", torch.cuda.device_count())'

failed=0
echo "== 1 and 3: CUDA against CPU, bfloat16"
"$python" "$repo/tools/pytorch/device_check.py" "$dir" || failed=1

echo "== 2: torchrun, one process, googlenet_fashion, one epoch on $limit images of the embedded sample"
if [ ! -f "$dir/googlenet_fashion.py" ]; then
  echo "[FAIL] torchrun: $dir/googlenet_fashion.py missing (generate specs/googlenet-fashion.yaml)"
  failed=1
else
  port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  # Debian's torch 1.13 on Python 3.11 cannot parse the default --redirects 0 (an enum change); 2.x can
  runs="${OUT:-$dir}/runs"
  streams="$("$python" -c 'import torch; print("--redirects 1 --tee 1 --log_dir" if int(torch.__version__.split(".")[0]) < 2 else "")')"
  [ -n "$streams" ] && streams="$streams $runs/torchrun-logs"
  # shellcheck disable=SC2086
  if (cd "$dir" && timeout "${EPOCH_TIMEOUT:-300}" "$python" -m torch.distributed.run $streams \
      --nproc_per_node=1 --master_addr=127.0.0.1 --master_port="$port" \
      -m netspec_torch.train googlenet_fashion --epochs 1 --limit "$limit" --batch-size 128 --output "$runs"); then
    run="$(ls -d "$runs"/train-* | sort -V | tail -1)"
    echo "[ok  ] torchrun: run folder $run: $(tr -d '\n ' < "$run/metrics.jsonl")"
    grep -E '"(engine|trainer)"' "$run/run.json"
  else
    echo "[FAIL] torchrun: exit status $?"
    failed=1
  fi
fi

echo "== summary"
grep -E '^\[(ok  |FAIL|SKIP)\]' "$log" | sed 's/^/  /'
if [ $failed -eq 0 ] && ! grep -q '^\[FAIL\]' "$log"; then
  echo "device check: PASSED (log: $log)"
else
  echo "device check: FAILED (log: $log)"
  exit 1
fi
