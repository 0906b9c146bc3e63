"""Trains a generated module with DistributedDataParallel, one process per device, started by torchrun:

    torchrun --nproc_per_node=N [--nnodes=M --rdzv_backend=c10d --rdzv_endpoint=HOST:PORT] \\
        -m netspec_torch.train googlenet_fashion --data embedded --epochs 4

(run in the folder `netspec generate --target pytorch` wrote; without torchrun it trains in one process).
NCCL on CUDA devices, Gloo on CPUs. Each process reads every image and trains on its DistributedSampler share;
--batch-size is the global batch, split evenly over the processes. The held-out images are scored in shares
and summed. Process 0 writes the run folder as `netspec train` does (see runfolder.py); its parameters load
into the Java network by name.
"""

import argparse
import gc
import importlib
import inspect
import math
import os
import sys
import time

import torch
import torch.distributed as dist
from torch.nn import functional as F

from . import data, runfolder, safetensors

LEARNING_RATES = {"sgd": 0.1, "adam": 0.002}  # netspec train's defaults
MOMENTUM = 0.9
STEP_FACTOR, STEP_EPOCHS = 0.96, 8


DEFAULTS = {  # netspec train's built-in recipe (RecipeOptions): what neither the command line nor the spec gives
    "epochs": 4, "batch_size": 64, "optimizer": "sgd", "schedule": "cosine", "warmup_epochs": 0,
    "weight_decay": 0.0, "augmentation": "none", "label_smoothing": 0.0, "gradient_clip": 0.0,
}
SCHEDULES = ["constant", "step", "cosine", "onecycle"]
AUGMENTATIONS = ["none", "flip", "crop", "crop+flip"]
ONE_CYCLE_RISE, ONE_CYCLE_START_DIVISOR = 0.3, 25
# option name: (recipe key, attribute), as `netspec train` maps its options onto the spec's training: keys
RECIPE_OPTIONS = {
    "--epochs": ("epochs", "epochs"), "--batch-size": ("batch_size", "batch_size"),
    "--optimizer": ("optimizer", "optimizer"), "--lr": ("learning_rate", "lr"),
    "--schedule": ("schedule", "schedule"), "--warmup": ("warmup_epochs", "warmup"),
    "--weight-decay": ("weight_decay", "weight_decay"), "--augment": ("augmentation", "augment"),
    "--label-smoothing": ("label_smoothing", "label_smoothing"), "--clip": ("gradient_clip", "clip"),
    "--image-size": ("image_size", "image_size"),
}


def arguments(argv):
    p = argparse.ArgumentParser(prog="python -m netspec_torch.train", description=__doc__.split("\n\n")[0],
                                epilog="The recipe options default to the spec's training: section (the module's "
                                       "TRAINING), else to netspec train's defaults.")
    p.add_argument("module", help="a generated module, e.g. googlenet_fashion")
    p.add_argument("--data", default=data.EMBEDDED, help="embedded (default), fashion-mnist, or a folder")
    p.add_argument("--epochs", type=int, help="epochs in all (default: the recipe's, else 4)")
    p.add_argument("--batch-size", type=int, help="global batch size (default: the recipe's, else 64)")
    p.add_argument("--optimizer", choices=sorted(LEARNING_RATES), help="sgd (momentum 0.9) or adam")
    p.add_argument("--lr", type=float, help="base learning rate (default: the recipe's, else 0.1 for sgd, 0.002 "
                                            "for adam)")
    p.add_argument("--schedule", choices=SCHEDULES, help="default: the recipe's, else cosine")
    p.add_argument("--warmup", type=int, help="epochs of linear warm-up from zero (default: the recipe's, else 0)")
    p.add_argument("--weight-decay", type=float, help="L2 weight decay (default: the recipe's, else 0)")
    p.add_argument("--augment", choices=AUGMENTATIONS, help="default: the recipe's, else none")
    p.add_argument("--label-smoothing", type=float, help="default: the recipe's, else 0")
    p.add_argument("--clip", type=float, help="clip every gradient element to [-X, X] (default: the recipe's, "
                                              "else 0: off)")
    p.add_argument("--image-size", type=int, help="the side image files are decoded to (default: the recipe's, "
                                                  "else the input's)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--limit", type=int, default=0, help="at most N images of each split (0: all)")
    p.add_argument("--no-aux", action="store_true", help="train without the auxiliary classifiers")
    p.add_argument("--weights", help="a .safetensors file (netspec export --format safetensors) to start from")
    p.add_argument("--resume", help="a run folder of this trainer to continue up to --epochs")
    p.add_argument("--output", default="runs", help="the folder of run folders (default runs)")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--bf16", action="store_true", help="autocast the forward pass to bfloat16")
    return p.parse_args(argv)


def apply_recipe(args, recipe):
    """Fills every recipe option the command line left out from the spec's `recipe` (the module's TRAINING),
    else from netspec train's defaults, as RecipeOptions does: the command line wins, then the spec. The spec's
    learning rate belongs to its optimizer: another optimizer on the command line takes its own default rate.
    Returns the options the command line gave."""
    given = [option for option, (_, attribute) in RECIPE_OPTIONS.items() if getattr(args, attribute) is not None]
    for option, (key, attribute) in RECIPE_OPTIONS.items():
        if getattr(args, attribute) is None and key != "learning_rate":
            setattr(args, attribute, recipe.get(key, DEFAULTS.get(key)))
    if args.lr is None:
        same_optimizer = "--optimizer" not in given or args.optimizer == recipe.get("optimizer", "sgd")
        args.lr = recipe["learning_rate"] if same_optimizer and "learning_rate" in recipe else \
            LEARNING_RATES[args.optimizer]
    for name, value, low in (("epochs", args.epochs, 1), ("batch size", args.batch_size, 1),
                             ("warm-up epochs", args.warmup, 0)):
        if value < low:
            raise ValueError(f"{name} must be at least {low}, not {value}")
    if not args.lr > 0 or not 0 <= args.label_smoothing < 1 or args.weight_decay < 0 or args.clip < 0:
        raise ValueError(f"learning rate {args.lr} must be > 0, label smoothing {args.label_smoothing} in [0, 1), "
                         f"weight decay {args.weight_decay} and gradient clip {args.clip} >= 0")
    if args.schedule not in SCHEDULES or args.augment not in AUGMENTATIONS or args.optimizer not in LEARNING_RATES:
        raise ValueError(f"unknown recipe word: {args.optimizer}, {args.schedule}, {args.augment}")
    return given


def learning_rate(schedule, base, epoch, epochs, warmup, done=None):
    """netspec's schedules (LearningRateSchedule, LearningRatePlan) at `epoch` (fractional: the epochs done
    before this step); during a warm-up, times the share of it `done` (the epochs done with this step, so that the
    first step already moves; default `epoch`)."""
    progress = min(1.0, epoch / epochs)
    if schedule == "constant":
        rate = base
    elif schedule == "step":
        rate = base * STEP_FACTOR ** math.floor(epoch / STEP_EPOCHS)
    elif schedule == "onecycle":
        if progress < ONE_CYCLE_RISE:
            start = 1.0 / ONE_CYCLE_START_DIVISOR
            rate = base * (start + (1 - start) * progress / ONE_CYCLE_RISE)
        else:
            rate = base * 0.5 * (1 + math.cos(math.pi * (progress - ONE_CYCLE_RISE) / (1 - ONE_CYCLE_RISE)))
    else:
        rate = base * 0.5 * (1 + math.cos(math.pi * progress))
    return rate if warmup == 0 else rate * min(1.0, (epoch if done is None else done) / warmup)


def make_optimizer(parameters, args):
    """SGD with momentum 0.9 or Adam, at the recipe's rate and L2 weight decay."""
    if args.optimizer == "sgd":
        return torch.optim.SGD(parameters, lr=args.lr, momentum=MOMENTUM, weight_decay=args.weight_decay)
    return torch.optim.Adam(parameters, lr=args.lr, weight_decay=args.weight_decay)


class Processes:
    """This process's place among those torchrun started (one process alone without torchrun)."""

    def __init__(self, device_choice):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        local = int(os.environ.get("LOCAL_RANK", "0"))
        cuda = device_choice == "cuda" or (device_choice == "auto" and torch.cuda.is_available())
        if cuda:
            torch.cuda.set_device(local)
            self.device = torch.device("cuda", local)
        else:
            self.device = torch.device("cpu")
        self.backend = "nccl" if cuda else "gloo"
        # started by torchrun (even as one process): a process group, so that the same code runs on 1 or N
        self.distributed = "TORCHELASTIC_RUN_ID" in os.environ or self.world > 1
        if self.distributed:
            options = {}
            if cuda and "device_id" in inspect.signature(dist.init_process_group).parameters:
                options["device_id"] = self.device  # PyTorch 2.3+: binds NCCL to this process's GPU at once
            dist.init_process_group(self.backend, **options)

    @property
    def main(self):
        return self.rank == 0

    def sum(self, tensor):
        if self.world > 1:
            dist.all_reduce(tensor)
        return tensor

    def share_buffers(self, network):
        """Gives every process process 0's buffers (BatchNorm running statistics): after a training step each
        process holds those of its own batch, and process 0's are the ones saved."""
        if self.world > 1:
            for buffer in network.buffers():
                dist.broadcast(buffer, 0)

    def parameter_difference(self, network):
        """The largest difference between a parameter of this process and process 0's: 0 when DDP kept the
        replicas in step."""
        largest = torch.zeros((), dtype=torch.float64, device=self.device)
        if self.world > 1:
            for parameter in network.parameters():
                reference = parameter.detach().clone()
                dist.broadcast(reference, 0)
                largest = torch.maximum(largest, (parameter.detach() - reference).abs().max().double())
            dist.all_reduce(largest, op=dist.ReduceOp.MAX)
        return largest.item()

    def close(self):
        if self.distributed:
            dist.destroy_process_group()


def forward_losses(model, x, y, weights, smoothing=0.0):
    """The main and each auxiliary classifier's cross-entropy (with label smoothing), and the main logits."""
    outputs = model(x)
    if not isinstance(outputs, (tuple, list)):
        outputs = (outputs,)
    losses = [F.cross_entropy(o.float(), y, label_smoothing=smoothing) for o in outputs]
    objective = losses[0] + sum(w * l for w, l in zip(weights, losses[1:]))
    return objective, losses, outputs[0]


def train_epoch(args, state, epoch):
    model, optimizer, processes = state["model"], state["optimizer"], state["processes"]
    train, sampler, weights = state["train"], state["sampler"], state["aux_weights"]
    model.train()
    sampler.set_epoch(epoch)
    indices = torch.tensor(list(sampler), dtype=torch.int64)
    batch = args.batch_size // processes.world
    steps = (len(indices) + batch - 1) // batch
    tally = torch.zeros(3 + len(weights), dtype=torch.float64, device=processes.device)  # seen, correct, losses
    start = time.time()
    rate = args.lr
    augmentation = data.Augmentation(args.augment, seed=args.seed * 1000003 + epoch * 101 + processes.rank)
    for step in range(steps):
        part = indices[step * batch:(step + 1) * batch]
        x = data.normalise(train.pixels[part].to(processes.device), state["mean"], state["std"], state["channels"])
        x = data.resized_crops(x, state["height"], state["width"], *augmentation.draw(x.shape[0]))
        y = train.labels[part].to(processes.device)
        rate = learning_rate(args.schedule, args.lr, (epoch - 1) + step / steps, args.epochs, args.warmup,
                             done=(epoch - 1) + (step + 1) / steps)
        for group in optimizer.param_groups:
            group["lr"] = rate
        with torch.autocast(processes.device.type, dtype=torch.bfloat16, enabled=args.bf16):
            objective, losses, logits = forward_losses(model, x, y, weights, args.label_smoothing)
        optimizer.zero_grad(set_to_none=True)
        objective.backward()
        if args.clip > 0:
            torch.nn.utils.clip_grad_value_(model.parameters(), args.clip)
        optimizer.step()
        n = y.shape[0]
        tally[0] += n
        tally[1] += (logits.argmax(1) == y).sum()
        for i, loss in enumerate(losses):
            tally[2 + i] += loss.detach().double() * n
    seconds = time.time() - start
    tally = processes.sum(tally).cpu()
    seen = max(1.0, tally[0].item())
    return {
        "seen": seen, "train_accuracy": tally[1].item() / seen, "main_loss": tally[2].item() / seen,
        "aux": [tally[3 + i].item() / seen for i in range(len(weights))],
        "lr": rate, "images_per_second": seen / max(seconds, 1e-9),
    }


@torch.no_grad()
def evaluate(args, state):
    """Loss, accuracy and confusion matrix of the main classifier on every held-out image, in inference mode;
    each process scores every world-th image and the sums are added up."""
    network, processes, test = state["network"], state["processes"], state["test"]
    classes = state["classes"]
    network.eval()
    mine = torch.arange(processes.rank, len(test), processes.world)
    confusion = torch.zeros(classes, classes, dtype=torch.float64, device=processes.device)
    loss_sum = torch.zeros(1, dtype=torch.float64, device=processes.device)
    for start in range(0, len(mine), 256):
        part = mine[start:start + 256]
        x = data.normalise(test.pixels[part].to(processes.device), state["mean"], state["std"], state["channels"])
        x = data.resized_crops(x, state["height"], state["width"])
        y = test.labels[part].to(processes.device)
        with torch.autocast(processes.device.type, dtype=torch.bfloat16, enabled=args.bf16):
            logits = network(x).float()
        loss_sum += F.cross_entropy(logits, y, reduction="sum").double()
        confusion.index_put_((y, logits.argmax(1)), torch.ones_like(y, dtype=torch.float64), accumulate=True)
    processes.sum(confusion)
    processes.sum(loss_sum)
    confusion = confusion.cpu().round().to(torch.int64)
    seen = max(1, int(confusion.sum().item()))
    return loss_sum.item() / seen, confusion.diagonal().sum().item() / seen, confusion


def description(args, state, module, processes):
    c, h, w = state["channels"], state["height"], state["width"]
    train, test = state["train"], state["test"]
    version = f"PyTorch {torch.__version__}"
    return {
        "model": module.SPEC_FILE.rsplit("/", 1)[-1].removesuffix(".yaml"),
        "model_source": "spec file",
        "class": f"{module.__name__}.{module.NETWORK.__name__}",
        "spec_file": module.SPEC_FILE,
        "spec_path": module.SPEC_FILE,
        "spec_sha256": module.SPEC_SHA256,
        "input_shape": [c, h, w],
        "classes": state["classes"],
        "aux_classifiers": bool(state["aux_weights"]),
        "trainable_parameters": sum(p.numel() for p in state["network"].parameters() if p.requires_grad),
        "data": {
            "source": train.source, "argument": args.data, "limit": max(0, args.limit),
            "image_channels": train.pixels.shape[1], "image_height": train.pixels.shape[2],
            "image_width": train.pixels.shape[3], "skipped_files": 0, "train_images": len(train),
            "test_images": len(test), "pixel_mean": state["mean"], "pixel_std": state["std"],
        },
        "settings": {
            "epochs": args.epochs, "batch_size": args.batch_size, "optimizer": args.optimizer,
            "learning_rate": args.lr, "schedule": args.schedule, "warmup_epochs": args.warmup,
            "weight_decay": args.weight_decay, "seed": args.seed, "augmentation": args.augment,
            "label_smoothing": args.label_smoothing, "gradient_clip": args.clip,
            "device": "gpu" if processes.device.type == "cuda" else "cpu",
        },
        "engine": version,
        "trainer": f"netspec_torch.train ({processes.world} process{'es' if processes.world > 1 else ''}, "
                   f"{processes.backend if processes.distributed else 'no process group'})",
        "devices": [f"{processes.device.type}()"] if processes.world == 1 else
                   [f"{processes.device.type} x {processes.world} processes"],
    }


def main(argv=None):
    args = arguments(sys.argv[1:] if argv is None else argv)
    sys.path.insert(0, os.getcwd())
    module = importlib.import_module(args.module)
    given = apply_recipe(args, getattr(module, "TRAINING", {}))
    processes = Processes(args.device)
    if args.batch_size % processes.world:
        raise SystemExit(f"--batch-size {args.batch_size} does not split over {processes.world} processes")
    c, h, w = module.INPUT_SHAPE
    side_h, side_w = (args.image_size, args.image_size) if args.image_size else (h, w)
    train, test = data.load(args.data, c, side_h, side_w)
    train, test = train.limit(args.limit), test.limit(args.limit)
    classes = len(train.classes)
    torch.manual_seed(args.seed)  # the same initial parameters in every process
    network = module.NETWORK(num_classes=classes, aux_logits=not args.no_aux)
    folder, done, best, epochs = None, 0, 0, []
    if args.resume:
        folder = args.resume
        epochs = runfolder.read_metrics(folder)
        done = len(epochs)
        best = 1 + max(range(done), key=lambda i: epochs[i]["val_accuracy"]) if done else 0
        safetensors.load_into(network, os.path.join(folder, "last.safetensors"))
    elif args.weights:
        safetensors.load_into(network, args.weights)
    network.to(processes.device)
    model = network
    if processes.distributed:
        ids = [processes.device.index] if processes.device.type == "cuda" else None
        model = torch.nn.parallel.DistributedDataParallel(network, device_ids=ids)
    optimizer = make_optimizer(model.parameters(), args)
    mean, std = train.statistics()
    aux = module.AUX_LOSS_WEIGHTS if not args.no_aux else {}
    state = {
        "model": model, "network": network, "optimizer": optimizer, "processes": processes,
        "train": train, "test": test, "mean": mean, "std": std, "channels": c, "height": h, "width": w,
        "classes": classes, "aux_weights": list(aux.values()),
        "sampler": torch.utils.data.distributed.DistributedSampler(
            range(len(train)), num_replicas=processes.world, rank=processes.rank, shuffle=True, seed=args.seed),
    }
    run = description(args, state, module, processes)
    if args.weights or args.resume:
        # the held-out accuracy of the parameters it starts from: what the run they come from scored
        run["weights"] = args.weights or os.path.join(args.resume, "last.safetensors")
        run["start_val_accuracy"] = evaluate(args, state)[1]
    if processes.main:
        if folder is None:
            folder = runfolder.create(args.output)
            runfolder.write_json(folder, "run.json", run)
            runfolder.write_json(folder, "class_indices.json", {str(i): n for i, n in enumerate(train.classes)})
            runfolder.write_spec(folder, module.SPEC_SOURCES)
        print(f"{run['engine']}, {run['trainer']} on {processes.device.type}; {run['model']}, "
              f"{run['trainable_parameters']:,} trainable parameters", flush=True)
        print(f"recipe: {args.optimizer} lr {args.lr:g}, {args.schedule} schedule, {args.warmup} warm-up "
              f"epoch(s), {args.epochs} epoch(s) of batch {args.batch_size}, augment {args.augment}, weight decay "
              f"{args.weight_decay:g}, label smoothing {args.label_smoothing:g}, gradient clip {args.clip:g} "
              f"({'command line: ' + ' '.join(given) + '; ' if given else ''}the rest from "
              f"{'the spec' if getattr(module, 'TRAINING', None) else 'the defaults'})", flush=True)
        print(f"data: {train.source}, {len(train):,} training and {len(test):,} held-out images; run folder "
              f"{folder}", flush=True)
        if "start_val_accuracy" in run:
            print(f"starting from {run['weights']}: held-out accuracy {100 * run['start_val_accuracy']:.2f}%",
                  flush=True)
    start = time.time()
    for epoch in range(done + 1, args.epochs + 1):
        t = train_epoch(args, state, epoch)
        processes.share_buffers(network)
        val_loss, val_accuracy, confusion = evaluate(args, state)
        objective = t["main_loss"] + sum(wt * l for wt, l in zip(state["aux_weights"], t["aux"]))
        metrics = {
            "epoch": epoch, "loss": objective, "main_loss": t["main_loss"],
            "aux_losses": dict(zip(aux.keys(), t["aux"])), "train_accuracy": t["train_accuracy"],
            "val_loss": val_loss, "val_accuracy": val_accuracy, "lr": t["lr"],
            "images_per_second": t["images_per_second"], "seconds": time.time() - start,
        }
        epochs.append(metrics)
        improved = best == 0 or val_accuracy > epochs[best - 1]["val_accuracy"]
        difference = processes.parameter_difference(network)
        if processes.main:
            meta = {"spec_sha256": module.SPEC_SHA256, "epoch": str(epoch)}
            runfolder.write_metrics(folder, epochs)
            runfolder.save_parameters(folder, "last", network, meta)
            if improved:
                runfolder.save_parameters(folder, "best", network, meta)
                runfolder.write_json(folder, "confusion.json",
                                     {"classes": train.classes, "matrix": confusion.tolist()})
            best_epoch = epoch if improved else best
            result = dict(run, replica_parameter_difference=difference, epochs_done=epoch, best_epoch=best_epoch,
                          best_val_accuracy=epochs[best_epoch - 1]["val_accuracy"], last_val_accuracy=val_accuracy,
                          seconds=round(sum(m["seconds"] for m in epochs), 2))
            runfolder.write_json(folder, "run.json", result)
            print(f"epoch {epoch}/{args.epochs}: loss {objective:.4f}, train accuracy "
                  f"{100 * t['train_accuracy']:.2f}%, {t['images_per_second']:.0f} img/s; held-out: loss "
                  f"{val_loss:.4f}, accuracy {100 * val_accuracy:.2f}%{' (best so far)' if improved else ''}; "
                  f"largest parameter difference between processes: {difference:g}",
                  flush=True)
        if improved:
            best = epoch
        start = time.time()
        if not math.isfinite(objective):
            raise SystemExit(f"training diverged in epoch {epoch} (loss {objective}); try a lower --lr than "
                             f"{args.lr}; the run so far is in {folder}")
    # the DDP wrapper (and its gradient reducer) must go before the process group: torch 1.13's gloo reducer,
    # destroyed after destroy_process_group at interpreter exit, can wait forever on a lock of the dead group
    state.clear()
    model = None
    gc.collect()
    processes.close()
    return folder


if __name__ == "__main__":
    try:
        main()
    except (data.DataError, ValueError, OSError) as e:
        raise SystemExit(f"error: {e}")
