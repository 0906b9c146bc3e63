"""A folder of JPEG photos for the loader benchmark: CLASSES class folders of COUNT images each, sized like the
flower-photo set (320 to 500 pixels a side), with random shapes so that they do not compress to nothing.
Arguments: folder, classes, count."""
import os
import random
import sys

from PIL import Image, ImageDraw


def main():
    folder, classes, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    random.seed(7)
    for c in range(classes):
        path = os.path.join(folder, f"class{c}")
        os.makedirs(path, exist_ok=True)
        for i in range(count):
            w, h = random.choice([(500, 375), (320, 240), (400, 400), (375, 500), (500, 333)])
            image = Image.new("RGB", (w, h), tuple(random.randrange(256) for _ in range(3)))
            draw = ImageDraw.Draw(image)
            for _ in range(40):
                x, y = random.randrange(w), random.randrange(h)
                draw.ellipse([x, y, x + random.randrange(10, 120), y + random.randrange(10, 120)],
                             fill=tuple(random.randrange(256) for _ in range(3)))
            image.save(os.path.join(path, f"{i}.jpg"), quality=90)


if __name__ == "__main__":
    main()
