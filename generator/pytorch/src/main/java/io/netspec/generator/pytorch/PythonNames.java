package io.netspec.generator.pytorch;

import java.util.Locale;
import java.util.Set;

/** The Python names the target writes: module names from spec files, and which names a row cannot take. */
final class PythonNames {

  /** The package of the runtime library written beside the generated modules. */
  static final String RUNTIME_PACKAGE = "netspec_torch";

  private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
      "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
      "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
      "while", "with", "yield", "match", "case", "type");

  /**
   * Attributes of {@code torch.nn.Module} (PyTorch 1.13 to 2.x) that a submodule of the same name would hide or
   * break: a row cannot be named after them.
   */
  private static final Set<String> MODULE_ATTRIBUTES = Set.of("training", "forward", "train", "eval", "to",
      "cuda", "cpu", "xpu", "ipu", "mtia", "float", "double", "half", "bfloat16", "apply", "modules", "children",
      "parameters", "buffers", "state_dict", "load_state_dict", "zero_grad", "requires_grad_", "share_memory",
      "add_module", "register_module", "register_buffer", "register_parameter", "get_submodule",
      "get_parameter", "get_buffer", "extra_repr", "named_modules", "named_children", "named_parameters",
      "named_buffers", "to_empty", "compile", "dump_patches", "call_super_init", "get_extra_state",
      "set_extra_state", "set_submodule");

  private PythonNames() {}

  /** The module a spec file gives: its name without {@code .yaml}, lower case, {@code _} for other signs. */
  static String moduleName(String specFile) {
    String file = specFile.substring(specFile.lastIndexOf('/') + 1);
    String stem = file.endsWith(".yaml") ? file.substring(0, file.length() - ".yaml".length()) : file;
    String name = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      name = "n" + name;
    }
    return KEYWORDS.contains(name) ? name + "_" : name;
  }

  /** Why a row or classifier cannot be a module attribute named {@code name}, or null if it can. */
  static String attributeProblem(String name) {
    if (KEYWORDS.contains(name)) {
      return "'" + name + "' is a Python keyword";
    }
    if (MODULE_ATTRIBUTES.contains(name) || name.startsWith("_")) {
      return "'" + name + "' is the name of an attribute of torch.nn.Module";
    }
    return null;
  }

  /** Why a class cannot be named {@code name}, or null if it can. */
  static String classProblem(String name) {
    return KEYWORDS.contains(name) ? "'" + name + "' is a Python keyword" : null;
  }
}
