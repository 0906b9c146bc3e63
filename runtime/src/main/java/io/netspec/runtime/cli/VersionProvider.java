package io.netspec.runtime.cli;

import ai.djl.engine.Engine;
import picocli.CommandLine.IVersionProvider;

/** {@code netspec --version}: netspec's version from the jar manifest, and DJL's. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "netspec " + (version == null ? "(development build)" : version),
      "DJL " + Engine.getDjlVersion() + ", PyTorch engine"
    };
  }
}
