package dev.optbench.harness.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the instruction (Ir) costs of a {@code callgrind.out} file (valgrind's documented
 * "Callgrind Format Specification", version 1) into a {@link FunctionProfile}. Hand-written because
 * no Java library reads the format; it needs only name compression ({@code fn=(12) name}, later
 * {@code fn=(12)}), the {@code positions:}/{@code events:} headers, cost lines and {@code calls=}
 * lines (whose next cost line is the callee's inclusive cost, not the caller's own).
 */
public final class CallgrindFile {
  private record Fn(String file, String name) {}

  private final Map<String, String> files = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<Fn, Long> self = new LinkedHashMap<>();
  private final Map<Fn, Map<Fn, Long>> calls = new LinkedHashMap<>();
  private int positions = 1;
  private int irColumn = 0;
  private long total = -1;

  private CallgrindFile() {}

  public static FunctionProfile read(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CallgrindFile f = new CallgrindFile();
      f.parse(r);
      return f.profile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private void parse(BufferedReader r) throws IOException {
    String file = "???";
    String calleeFile = null;
    Fn fn = new Fn("???", "???");
    Fn callee = null;
    boolean callCost = false;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      char c = line.charAt(0);
      if (Character.isDigit(c) || c == '+' || c == '-' || c == '*') {
        long ir = ir(line);
        if (callCost) {
          calls.computeIfAbsent(fn, k -> new LinkedHashMap<>()).merge(callee, ir, Long::sum);
          callCost = false;
        } else {
          self.merge(fn, ir, Long::sum);
        }
      } else if (line.startsWith("fl=")) {
        file = compressed(files, line.substring(3));
      } else if (line.startsWith("fn=")) {
        fn = new Fn(file, compressed(names, line.substring(3)));
        calleeFile = null;
      } else if (line.startsWith("cfi=") || line.startsWith("cfl=")) {
        calleeFile = compressed(files, line.substring(4));
      } else if (line.startsWith("cfn=")) {
        callee =
            new Fn(calleeFile == null ? file : calleeFile, compressed(names, line.substring(4)));
        calleeFile = null;
      } else if (line.startsWith("calls=")) {
        callCost = true;
      } else if (line.startsWith("fi=") || line.startsWith("fe=")) {
        compressed(files, line.substring(3)); // inlined code: costs stay with the function
      } else if (line.startsWith("positions:")) {
        positions = line.substring(10).trim().split("\\s+").length;
      } else if (line.startsWith("events:")) {
        irColumn = Arrays.asList(line.substring(7).trim().split("\\s+")).indexOf("Ir");
      } else if (line.startsWith("summary:") || line.startsWith("totals:")) {
        total = Long.parseLong(line.substring(line.indexOf(':') + 1).trim().split("\\s+")[0]);
      }
    }
  }

  /** A cost line: positions, then events; a missing trailing event is zero. */
  private long ir(String line) {
    String[] parts = line.trim().split("\\s+");
    int at = positions + irColumn;
    return at < parts.length ? Long.parseLong(parts[at]) : 0;
  }

  /** {@code (id) name} defines an id, {@code (id)} refers to it, a bare name is itself. */
  private static String compressed(Map<String, String> table, String spec) {
    String s = spec.trim();
    if (!s.startsWith("(")) {
      return s;
    }
    int close = s.indexOf(')');
    String id = s.substring(1, close);
    String name = s.substring(close + 1).trim();
    if (name.isEmpty()) {
      return table.getOrDefault(id, "(" + id + ")");
    }
    table.put(id, name);
    return name;
  }

  private FunctionProfile profile(Path source) {
    if (irColumn < 0) {
      throw new IllegalArgumentException(source + " has no Ir event: not an instruction profile");
    }
    Set<Fn> all = new java.util.LinkedHashSet<>(self.keySet());
    calls.forEach(
        (k, v) -> {
          all.add(k);
          all.addAll(v.keySet());
        });
    Map<String, Long> perName =
        all.stream().collect(Collectors.groupingBy(Fn::name, Collectors.counting()));
    Map<Fn, String> display = new HashMap<>();
    for (Fn f : all) {
      display.put(f, perName.get(f.name()) > 1 ? f.name() + " [" + base(f.file()) + "]" : f.name());
    }
    Map<String, Long> selfOut = new LinkedHashMap<>();
    Map<String, Long> inclusive = new LinkedHashMap<>();
    Map<String, Map<String, Long>> callsOut = new LinkedHashMap<>();
    for (Fn f : all) {
      long s = self.getOrDefault(f, 0L);
      // A call to itself is already in the outer call's cost (callgrind_annotate leaves it out).
      long below =
          calls.getOrDefault(f, Map.of()).entrySet().stream()
              .filter(e -> !e.getKey().equals(f))
              .mapToLong(Map.Entry::getValue)
              .sum();
      selfOut.merge(display.get(f), s, Long::sum);
      inclusive.merge(display.get(f), s + below, Long::sum);
    }
    calls.forEach(
        (caller, callees) ->
            callees.forEach(
                (callee, ir) ->
                    callsOut
                        .computeIfAbsent(display.get(caller), k -> new LinkedHashMap<>())
                        .merge(display.get(callee), ir, Long::sum)));
    long sum = selfOut.values().stream().mapToLong(x -> x).sum();
    return new FunctionProfile(total >= 0 ? total : sum, selfOut, inclusive, callsOut);
  }

  private static String base(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? file : file.substring(slash + 1);
  }
}
