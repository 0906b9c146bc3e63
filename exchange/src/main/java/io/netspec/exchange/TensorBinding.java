package io.netspec.exchange;

import ai.djl.nn.Parameter;
import io.netspec.dsl.tensors.NamedTensor;
import java.util.Objects;

/**
 * One parameter of a DJL network under its outside name.
 *
 * @param tensor the name, shape and type it carries outside DJL
 * @param parameter the DJL parameter holding its values
 * @param djlName the parameter's name in DJL's {@code getParameters()}, for messages
 */
public record TensorBinding(NamedTensor tensor, Parameter parameter, String djlName) {

  public TensorBinding {
    Objects.requireNonNull(tensor, "tensor");
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(djlName, "djlName");
  }
}
