"""torchvision's loader alone, the reference for LoaderCase: ImageFolder + DataLoader(num_workers=2) with the same
resize, random resized crop, flip and normalisation, batches of 32. One JSON line per epoch.
Arguments: folder, side, crop, epochs, workers."""
import json
import sys
import time

import torch
from torchvision import datasets, transforms


def main():
    folder, side, crop, epochs, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), \
        int(sys.argv[5])
    torch.set_num_threads(1)
    transform = transforms.Compose([
        transforms.Resize((side, side)),
        transforms.RandomResizedCrop(crop),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize([0.45] * 3, [0.25] * 3),
    ])
    dataset = datasets.ImageFolder(folder, transform=transform)
    loader = torch.utils.data.DataLoader(dataset, batch_size=32, shuffle=True, num_workers=workers)
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        seen = 0
        for images, labels in loader:
            seen += images.shape[0]
        print(json.dumps({"epoch": epoch, "seconds": round(time.perf_counter() - start, 3), "images": seen}),
              flush=True)


if __name__ == "__main__":
    main()
