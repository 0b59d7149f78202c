package dev.optbench.results.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A differential flame graph from two sets of folded stacks (Brendan Gregg's difffolded idea):
 * frames are laid out by the variant's instructions, and each carries the baseline's instructions
 * on the same stack path, so a frame can be coloured by how its own cost changed. Frames narrower
 * than {@code minShare} of the variant's total are merged, per parent, into one "(n small frames)"
 * frame, or left as the parent's own cost when even together they are too narrow; stacks deeper
 * than {@code maxDepth} end there. A synthetic root, {@code all}, is as wide as the total, and the
 * frames' {@link Frame#self()} values sum to it exactly.
 */
public final class DiffFlameGraph {
  public static final double MIN_SHARE = 0.001;
  public static final int MAX_DEPTH = 40;
  public static final String ROOT = "all";

  /**
   * One drawn frame.
   *
   * @param depth 0 for the root
   * @param x offset from the left, in the variant's instructions
   * @param width the variant's instructions on this path, callees included
   * @param base the baseline's instructions on the same path, callees included
   * @param self the variant's instructions on this path not drawn as a callee frame
   * @param baseSelf the same for the baseline, against the same drawn callees
   * @param merged whether this frame stands for several small ones
   */
  public record Frame(
      String name,
      int depth,
      long x,
      long width,
      long base,
      long self,
      long baseSelf,
      boolean merged) {
    /**
     * How the frame's own cost changed, in [-1, 1]: (self - baseSelf) / max(self, baseSelf). 1 for
     * a frame the baseline lacks, -1 for one that (almost) vanished, 0 when unchanged.
     */
    public double change() {
      long max = Math.max(self, baseSelf);
      return max == 0 ? 0 : (double) (self - baseSelf) / max;
    }
  }

  private final long total;
  private final long baseTotal;
  private final List<Frame> frames;
  private final int depth;

  private DiffFlameGraph(long total, long baseTotal, List<Frame> frames) {
    this.total = total;
    this.baseTotal = baseTotal;
    this.frames = List.copyOf(frames);
    this.depth = frames.stream().mapToInt(Frame::depth).max().orElse(0) + 1;
  }

  public static DiffFlameGraph of(Map<String, Long> base, Map<String, Long> variant) {
    return of(base, variant, MIN_SHARE, MAX_DEPTH);
  }

  public static DiffFlameGraph of(
      Map<String, Long> base, Map<String, Long> variant, double minShare, int maxDepth) {
    Node root = new Node(ROOT);
    variant.forEach((stack, n) -> root.add(stack.split(";"), n, true));
    base.forEach((stack, n) -> root.add(stack.split(";"), n, false));
    List<Frame> frames = new ArrayList<>();
    long floor = (long) Math.ceil(root.total * minShare);
    layout(root, 0, 0, Math.max(1, floor), maxDepth, frames);
    return new DiffFlameGraph(root.total, root.base, frames);
  }

  public long total() {
    return total;
  }

  public long baseTotal() {
    return baseTotal;
  }

  /** Parents before their callees, callees in name order (as flamegraph.pl sorts them). */
  public List<Frame> frames() {
    return frames;
  }

  /** Rows of frames, the root's included. */
  public int depth() {
    return depth;
  }

  private static void layout(
      Node node, int depth, long x, long floor, int maxDepth, List<Frame> out) {
    int at = out.size();
    out.add(null); // the frame itself, once its self cost is known
    long drawn = 0;
    long drawnBase = 0;
    long smallTotal = 0;
    long smallBase = 0;
    int small = 0;
    if (depth + 1 < maxDepth) {
      for (Node child : node.children.values()) {
        if (child.total == 0) {
          continue; // only the baseline has it: no width to draw; its cost stays in baseSelf
        }
        if (child.total < floor) {
          smallTotal += child.total;
          smallBase += child.base;
          small++;
          continue;
        }
        layout(child, depth + 1, x + drawn, floor, maxDepth, out);
        drawn += child.total;
        drawnBase += child.base;
      }
    }
    if (small > 1 && smallTotal >= floor) {
      String name = "(" + small + " small frames)";
      out.add(
          new Frame(
              name, depth + 1, x + drawn, smallTotal, smallBase, smallTotal, smallBase, true));
      drawn += smallTotal;
      drawnBase += smallBase;
    }
    out.set(
        at,
        new Frame(
            node.name,
            depth,
            x,
            node.total,
            node.base,
            node.total - drawn,
            node.base - drawnBase,
            false));
  }

  /** A stack path's instructions in the variant (total) and the baseline (base). */
  private static final class Node {
    final String name;
    final Map<String, Node> children = new TreeMap<>();
    long total;
    long base;

    Node(String name) {
      this.name = name;
    }

    void add(String[] path, long n, boolean variant) {
      Node node = this;
      node.count(n, variant);
      for (String frame : path) {
        node = node.children.computeIfAbsent(frame, Node::new);
        node.count(n, variant);
      }
    }

    private void count(long n, boolean variant) {
      if (variant) {
        total += n;
      } else {
        base += n;
      }
    }
  }
}
