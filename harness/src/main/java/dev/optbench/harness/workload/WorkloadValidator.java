package dev.optbench.harness.workload;

import dev.optbench.harness.runtime.UnitPrograms;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a workload file's content before anything runs: a workload is data, shared between people
 * and written by programs, so it gets the scrutiny of user input. Every unit has a safe unique id
 * (it becomes part of file names, cgroup names and tags), non-empty steps that run only the
 * variant's programs, and no argument that reaches outside the work folder; input renders likewise.
 * The first problem found is the message: one sentence naming the unit and what to fix.
 */
public final class WorkloadValidator {
  /** Unit ids: as variant names, so they are safe in file names, cgroups, Docker and InfluxDB. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final String file;

  private WorkloadValidator(String file) {
    this.file = file;
  }

  /** Throws IllegalArgumentException with one sentence when {@code w} may not run. */
  public static void check(WorkloadFile w, String file) {
    new WorkloadValidator(file).check(w);
  }

  private void check(WorkloadFile w) {
    if (w.units() == null || w.units().isEmpty()) {
      throw bad("it has no units; add at least one under \"units\"");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < w.units().size(); i++) {
      WorkloadUnit u = w.units().get(i);
      if (u == null || u.id() == null) {
        throw bad("unit #" + (i + 1) + " has no \"id\"; give every unit a unique id");
      }
      String unit = "unit '" + u.id() + "'";
      if (!ID.matcher(u.id()).matches()) {
        throw bad(
            "unit #"
                + (i + 1)
                + " has the id '"
                + u.id()
                + "'; ids must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or"
                + " digit (they become file names)");
      }
      if (!ids.add(u.id())) {
        throw bad(unit + " appears twice; unit ids must be unique");
      }
      if (u.argv() == null) {
        throw bad(unit + " has no \"argv\"; give its command as a list starting with ffmpeg");
      }
      for (List<String> step : u.before()) {
        command(step, unit + " (a step in \"before\")");
      }
      command(u.argv(), unit);
    }
    for (WorkloadFile.InputFile in : w.inputs()) {
      if (in == null || in.path() == null || in.argv() == null) {
        throw bad("an input has no \"path\" or \"argv\"; each input needs both");
      }
      try {
        WorkDirPaths.requireInside(in.path());
      } catch (IllegalArgumentException e) {
        throw bad(
            "the input path '"
                + in.path()
                + "' leaves the work folder; use a relative path like inputs/NAME.mkv");
      }
      command(in.argv(), "the render of input '" + in.path() + "'");
    }
  }

  private void command(List<String> argv, String what) {
    try {
      UnitPrograms.requireVariantProgram(argv, what);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    for (String arg : argv) {
      if (arg == null) {
        throw bad(what + " has a null argument; every argument is a string");
      }
      if (leavesWorkFolder(arg)) {
        throw bad(
            what
                + " has the argument '"
                + arg
                + "', a path outside its work folder; units read and write only relative paths"
                + " inside it");
      }
    }
  }

  /** An absolute or home path, or a path that climbs with "..": never needed by a unit. */
  static boolean leavesWorkFolder(String arg) {
    return arg.startsWith("/")
        || arg.startsWith("~")
        || arg.startsWith("file:/")
        || List.of(arg.split("[/:=,|]")).contains("..");
  }

  private IllegalArgumentException bad(String problem) {
    return new IllegalArgumentException("workload file " + file + ": " + problem);
  }
}
