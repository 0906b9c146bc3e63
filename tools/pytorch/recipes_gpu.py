"""Trains every shipped spec's generated PyTorch module with its own spec recipe on Fashion-MNIST, on a machine with
PyTorch and no Java (a GPU machine), and reports per-epoch train loss and held-out accuracy.

    ./netspec generate specs/*.yaml --target pytorch -o DIR          (on a machine with Java: the modules)
    python3 tools/pytorch/recipes_gpu.py DIR IDX_DIR [--max-epochs N] [--limit N] [--only MODULE,...]

DIR: the modules and the netspec_torch library that `netspec generate --target pytorch` wrote. IDX_DIR: the
Fashion-MNIST IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,
t10k-labels-idx1-ubyte.gz). Each module trains through netspec_torch.train (its data, schedules, augmentation and
run folder; no code of its own here) with the recipe its spec's training: section gives (the module's TRAINING):
googlenet-fashion at its 28x28 input; googlenet and googlenet-torchvision at 224x224, the 28x28 images resized
bilinearly on the device and the gray channel repeated three times. The recipe's epochs are capped by
--max-epochs (the schedule then spans the epochs run, as `netspec train --epochs` does). --limit takes the first N
images of each split. The summary goes to $OUT/recipes_gpu.json (else --out, else the working folder) and the
run folders to its runs/ beside it. Exit status 1 if any module failed (diverged, or an error), else 0.
"""

import argparse
import json
import os
import sys
import time
import traceback

SHIPPED = ["googlenet_fashion", "googlenet", "googlenet_torchvision"]  # specs/*.yaml as modules, cheapest first


def arguments(argv):
    p = argparse.ArgumentParser(prog="recipes_gpu.py", description=__doc__.split("\n\n")[0])
    p.add_argument("modules", help="the folder `netspec generate specs/*.yaml --target pytorch -o DIR` wrote")
    p.add_argument("idx", help="a folder of the Fashion-MNIST IDX .gz files")
    p.add_argument("--max-epochs", type=int, default=0, help="at most this many epochs per network (0: the recipe's)")
    p.add_argument("--limit", type=int, default=0, help="the first N images of each split (0: all)")
    p.add_argument("--only", default="", help="comma-separated module names (default: every shipped one found)")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--bf16", action="store_true", help="autocast the forward pass to bfloat16 (netspec_torch --bf16)")
    p.add_argument("--out", default=os.environ.get("OUT", "."), help="where the summary goes (default $OUT, else .)")
    return p.parse_args(argv)


def main(argv=None):
    args = arguments(sys.argv[1:] if argv is None else argv)
    modules_dir = os.path.abspath(args.modules)
    if not os.path.isdir(os.path.join(modules_dir, "netspec_torch")):
        raise SystemExit(f"{modules_dir}: no netspec_torch/ here; generate the modules with "
                         f"`netspec generate specs/*.yaml --target pytorch -o DIR`")
    sys.path.insert(0, modules_dir)
    os.chdir(modules_dir)  # netspec_torch.train imports the module from the working folder
    import torch
    from netspec_torch import runfolder, train

    torch.backends.cudnn.benchmark = True  # fixed shapes: let cuDNN pick its fastest convolutions once
    names = [n for n in args.only.split(",") if n] or [n for n in SHIPPED if os.path.isfile(n + ".py")]
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    summary = {"torch": torch.__version__, "cuda": torch.version.cuda,
               "device": torch.cuda.get_device_name(0) if torch.cuda.is_available() and args.device != "cpu"
               else "cpu", "idx": os.path.abspath(args.idx), "max_epochs": args.max_epochs, "limit": args.limit,
               "bf16": args.bf16, "networks": []}
    failed = False
    for name in names:
        module = __import__(name)
        recipe = dict(getattr(module, "TRAINING", {}))
        epochs = recipe.get("epochs", train.DEFAULTS["epochs"])
        if args.max_epochs > 0:
            epochs = min(epochs, args.max_epochs)
        argv = [name, "--data", os.path.abspath(args.idx), "--epochs", str(epochs), "--device", args.device,
                "--output", os.path.join(out, "runs", name)]
        if args.limit > 0:
            argv += ["--limit", str(args.limit)]
        if args.bf16:
            argv.append("--bf16")
        print(f"== {name}: input {module.INPUT_SHAPE}, recipe {json.dumps(recipe)}; {epochs} epoch(s)", flush=True)
        entry = {"module": name, "input_shape": list(module.INPUT_SHAPE), "recipe": recipe, "epochs": epochs}
        start = time.time()
        try:
            folder = train.main(argv)
            entry["run_folder"] = folder
            entry["per_epoch"] = [{k: m[k] for k in ("epoch", "loss", "main_loss", "train_accuracy", "val_loss",
                                                     "val_accuracy", "lr", "images_per_second", "seconds")}
                                  for m in runfolder.read_metrics(folder)]
            entry["best_val_accuracy"] = max(m["val_accuracy"] for m in entry["per_epoch"])
        except SystemExit as e:  # train.py's one-line stops (a diverged loss, bad options)
            entry["error"] = str(e.code)
            failed = True
        except Exception as e:  # noqa: BLE001 - one network's failure must not lose the others' figures
            entry["error"] = f"{type(e).__name__}: {e}"
            traceback.print_exc()
            failed = True
        entry["seconds"] = round(time.time() - start, 1)
        summary["networks"].append(entry)
        for m in entry.get("per_epoch", []):
            print(f"{name} epoch {m['epoch']}: train loss {m['loss']:.4f} (main {m['main_loss']:.4f}), "
                  f"held-out accuracy {100 * m['val_accuracy']:.2f}%, {m['images_per_second']:.0f} img/s",
                  flush=True)
        if "error" in entry:
            print(f"{name}: FAILED: {entry['error']}", flush=True)
        with open(os.path.join(out, "recipes_gpu.json"), "w") as f:  # after every network: nothing lost on a kill
            json.dump(summary, f, indent=2)
    print(f"summary: {os.path.join(out, 'recipes_gpu.json')}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
