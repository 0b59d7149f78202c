package dev.optbench.harness.workload;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a workload as JSON and as a POSIX shell script for replay by hand. optbench never runs the
 * script; it exists so a human can reproduce a unit without optbench.
 */
public final class WorkloadWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .setDefaultPrettyPrinter(
              new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private WorkloadWriter() {}

  public static String json(WorkloadFile workload) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(workload) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static WorkloadFile read(Path file) {
    try {
      return JSON.readValue(file.toFile(), WorkloadFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workload " + file, e);
    }
  }

  public static String script(WorkloadFile workload) {
    StringBuilder s = new StringBuilder();
    s.append("#!/bin/sh\n")
        .append("# Replays an optbench workload (")
        .append(workload.generator().search())
        .append(" search, seed ")
        .append(workload.generator().seed())
        .append("). Usage: FFMPEG=/path/to/ffmpeg sh this-script [work-dir]\n")
        .append("# Generated file: every argument is single-quoted; nothing is evaluated.\n")
        .append("set -eu\n")
        .append("FFMPEG=\"${FFMPEG:-ffmpeg}\"\n")
        .append("mkdir -p \"${1:-work}\"\ncd \"${1:-work}\"\n");
    for (WorkloadFile.InputFile in : workload.inputs()) {
      s.append("[ -f ")
          .append(ShellQuote.quote(in.path()))
          .append(" ] || { mkdir -p inputs && ")
          .append(ShellQuote.ffmpegLine(in.argv()))
          .append("; }\n");
    }
    for (WorkloadUnit u : workload.units()) {
      s.append("\necho ").append(ShellQuote.quote(u.id() + " " + u.kind())).append('\n');
      for (var step : u.before()) {
        s.append(ShellQuote.ffmpegLine(step)).append('\n');
      }
      s.append(ShellQuote.ffmpegLine(u.argv())).append('\n');
    }
    return s.toString();
  }

  /** Writes {@code <path>} (JSON) and {@code <path minus .json>.sh}; returns the script's path. */
  public static Path write(WorkloadFile workload, Path path) {
    Path script = sibling(path, ".sh");
    try {
      if (path.toAbsolutePath().getParent() != null) {
        Files.createDirectories(path.toAbsolutePath().getParent());
      }
      Files.writeString(path, json(workload), StandardCharsets.UTF_8);
      Files.writeString(script, script(workload), StandardCharsets.UTF_8);
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write workload " + path, e);
    }
  }

  /** {@code out/w.json} -> {@code out/w<suffix>}. */
  public static Path sibling(Path path, String suffix) {
    String name = path.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return path.resolveSibling(base + suffix);
  }
}
