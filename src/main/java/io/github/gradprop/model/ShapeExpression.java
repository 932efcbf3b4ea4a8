package io.github.gradprop.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One axis of a declared shape: an integer expression over named dimensions, such as {@code
 * hidden}, {@code in + 1} or {@code 2 * hidden}. Parsed once by a small recursive-descent parser.
 */
final class ShapeExpression {

  private interface Node {
    long eval(Map<String, Integer> dims);
  }

  private final String text;
  private final Node root;
  private final Set<String> names;

  private ShapeExpression(String text, Node root, Set<String> names) {
    this.text = text;
    this.root = root;
    this.names = names;
  }

  static ShapeExpression parse(String text) {
    Parser parser = new Parser(text);
    Node node = parser.sum();
    parser.skipSpaces();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
    }
    return new ShapeExpression(
        text.trim(), node, Collections.unmodifiableSet(new LinkedHashSet<>(parser.names)));
  }

  /** The dimension names this axis mentions, in order of appearance. */
  Set<String> names() {
    return names;
  }

  /** A bare dimension name, or null when the axis is an expression. */
  String bareName() {
    return names.size() == 1 && text.equals(names.iterator().next()) ? text : null;
  }

  int evaluate(Map<String, Integer> dims) {
    long value = root.eval(dims);
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          String.format(
              "Axis `%s` evaluates to %d for %s; every axis needs >= 1", text, value, dims));
    }
    return (int) value;
  }

  /**
   * Solves {@code size = expression} for the one unknown dimension when the expression is of the
   * form {@code name + k} or {@code name - k}; returns null when it cannot.
   */
  Integer solveFor(String unknown, int size, Map<String, Integer> known) {
    if (!names.contains(unknown)) {
      return null;
    }
    for (String n : names) {
      if (!n.equals(unknown) && !known.containsKey(n)) {
        return null;
      }
    }
    // The expression is affine in the unknown with slope 1 iff e(u+1) - e(u) == 1 at two points.
    Map<String, Integer> probe = new java.util.HashMap<>(known);
    probe.put(unknown, 0);
    long at0 = root.eval(probe);
    probe.put(unknown, 1);
    long at1 = root.eval(probe);
    probe.put(unknown, 2);
    long at2 = root.eval(probe);
    long slope = at1 - at0;
    if (slope == 0 || at2 - at1 != slope || (size - at0) % slope != 0) {
      return null;
    }
    long solution = (size - at0) / slope;
    return solution >= 1 && solution <= Integer.MAX_VALUE ? (int) solution : null;
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Parser {
    private final String text;
    private final List<String> names = new ArrayList<>();
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          String.format("Cannot parse shape axis `%s`: %s at position %d", text, what, pos));
    }

    void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    Node sum() {
      Node left = product();
      while (true) {
        skipSpaces();
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          char op = text.charAt(pos++);
          Node l = left;
          Node r = product();
          left = op == '+' ? d -> l.eval(d) + r.eval(d) : d -> l.eval(d) - r.eval(d);
        } else {
          return left;
        }
      }
    }

    Node product() {
      Node left = atom();
      while (true) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '*') {
          pos++;
          Node l = left;
          Node r = atom();
          left = d -> l.eval(d) * r.eval(d);
        } else {
          return left;
        }
      }
    }

    Node atom() {
      skipSpaces();
      if (pos >= text.length()) {
        throw error("expected a dimension name or a number");
      }
      char c = text.charAt(pos);
      if (c == '(') {
        pos++;
        Node inner = sum();
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != ')') {
          throw error("expected ')'");
        }
        pos++;
        return inner;
      }
      if (Character.isDigit(c)) {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
        long value = Long.parseLong(text.substring(start, pos));
        return d -> value;
      }
      if (Character.isJavaIdentifierStart(c)) {
        int start = pos;
        while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
          pos++;
        }
        String name = text.substring(start, pos);
        names.add(name);
        return d -> {
          Integer v = d.get(name);
          if (v == null) {
            throw new IllegalArgumentException("No value for dimension `" + name + "`");
          }
          return v;
        };
      }
      throw error("unexpected '" + c + "'");
    }
  }
}
