package dev.optbench.harness.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one command line into argv the way a POSIX shell splits words, and does nothing else: no
 * expansion, no redirection, no pipes, no command substitution. {@code ;}, {@code |}, {@code >},
 * {@code $()} and {@code *} are ordinary characters of a word, so {@code -vf 'a;b'} and {@code -vf
 * a;b} give the same argv. Hand-written because the libraries on Maven Central do not do this:
 * commons-exec's {@code CommandLine.parse} keeps no backslash escapes and treats a quote only at a
 * word's start, and commons-text's {@code StringTokenizer} has one quote character; both would
 * silently change an ffmpeg filter graph. Rules (as POSIX sh): in single quotes every character is
 * literal; in double quotes a backslash escapes only {@code $ ` " \} and is kept before any other
 * character; outside quotes a backslash makes the next character literal; quoted and unquoted parts
 * next to each other form one word; {@code ''} is an empty word.
 */
public final class CommandWords {
  private CommandWords() {}

  /** Thrown with the 1-based column where the problem starts. */
  public static final class SyntaxException extends IllegalArgumentException {
    private final int column;

    SyntaxException(String message, int column) {
      super(message);
      this.column = column;
    }

    public int column() {
      return column;
    }
  }

  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new SyntaxException("unclosed single quote", i + 1);
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(line, i, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= line.length()) {
          throw new SyntaxException(
              "backslash at the end of the line (no line continuation)", i + 1);
        }
        word.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Appends the double-quoted part starting at {@code open}; returns the index after it. */
  private static int doubleQuoted(String line, int open, StringBuilder word) {
    int i = open + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length() && "$`\"\\".indexOf(line.charAt(i + 1)) >= 0) {
        word.append(line.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new SyntaxException("unclosed double quote", open + 1);
  }
}
