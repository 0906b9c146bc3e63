package io.netspec.runtime.cli;

import io.netspec.runtime.data.FashionMnist;
import io.netspec.runtime.data.IdxDirectory;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.data.SampleMaker;
import io.netspec.runtime.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netspec make-sample}: draws the class-balanced sample of Fashion-MNIST that netspec embeds. This is
 * how {@code runtime/src/main/resources/io/netspec/runtime/data/fashion-mnist-sample} was made.
 */
@Command(
    name = "make-sample",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Writes a seeded, class-balanced sample of an IDX data set (with its licence notice) as "
        + "gzip-compressed IDX files: how the embedded Fashion-MNIST sample was made.")
final class MakeSampleCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--from", paramLabel = "DIR", description = "full data set (default: ${DEFAULT-VALUE})",
      defaultValue = "/usr/share/datasets/fashion-mnist")
  private Path from;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder to write")
  private Path out;

  @Option(names = "--train-per-class", paramLabel = "N", defaultValue = "800",
      description = "training images per class (default: ${DEFAULT-VALUE})")
  private int trainPerClass;

  @Option(names = "--test-per-class", paramLabel = "N", defaultValue = "200",
      description = "held-out images per class (default: ${DEFAULT-VALUE})")
  private int testPerClass;

  @Option(names = "--seed", defaultValue = "2017", description = "default: ${DEFAULT-VALUE}")
  private long seed;

  @Option(names = "--notice", paramLabel = "FILE", defaultValue = "/usr/share/doc/dataset-fashion-mnist/copyright",
      description = "licence notice copied to <out>/LICENSE (default: ${DEFAULT-VALUE})")
  private Path notice;

  @Override
  public Integer call() throws Exception {
    IdxDirectory source = new IdxDirectory(from);
    int classes = FashionMnist.classes();
    write(SampleMaker.balancedSample(source.load(Split.TRAIN), classes, trainPerClass, seed), Split.TRAIN);
    write(SampleMaker.balancedSample(source.load(Split.TEST), classes, testPerClass, seed), Split.TEST);
    Files.copy(notice, out.resolve("LICENSE"), StandardCopyOption.REPLACE_EXISTING);
    return 0;
  }

  private void write(LabeledImages sample, Split split) throws IOException {
    SampleMaker.write(sample, out, split);
    spec.commandLine().getOut().printf("%s: %,d images%n", out.resolve(split.imagesFile() + ".gz"),
        sample.count());
  }
}
