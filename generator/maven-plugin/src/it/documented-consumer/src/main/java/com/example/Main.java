package com.example;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.netspec.models.flowers.Flowers;

/** Builds the network generated from src/main/netspec/flowers.yaml and runs one random photo through it. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.out.println("logits of one photo: " + forward());
  }

  /** The shape of the logits of one random 64x64 photo: (1, 5). */
  public static Shape forward() {
    Flowers network = Flowers.builder().build();
    try (Model model = Model.newInstance("flowers")) { // on the engine of the class path: PyTorch
      model.setBlock(network);
      NDManager manager = model.getNDManager();
      Shape input = new Shape(1).addAll(Flowers.INPUT_SHAPE);
      network.initialize(manager, DataType.FLOAT32, input);
      NDArray photo = manager.randomUniform(0f, 1f, input);
      NDList logits = network.forward(new ParameterStore(manager, false), new NDList(photo), false);
      return logits.head().getShape();
    }
  }
}
