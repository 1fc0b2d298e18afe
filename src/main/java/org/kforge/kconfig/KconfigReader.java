package org.kforge.kconfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.InputFile;
import org.kforge.KforgeException;
import org.kforge.Limits;
import org.kforge.TerminalText;

/**
 * Reads a kernel tree's Kconfig files, from the top {@code Kconfig} through every {@code source}
 * ({@code Documentation/kbuild/kconfig-language.rst}, {@code kconfig-macro-language.rst}). Macro functions
 * ($(shell,...), $(cc-option,...)) are not run: they stay as opaque constants, as .config carries their result.
 */
public final class KconfigReader {
    private static final Pattern ASSIGN = Pattern.compile("^\\s*([A-Za-z0-9_-]+)\\s*(:=|\\+=|=)\\s*(.*)$");
    private static final Pattern VAR = Pattern.compile("\\$\\(([A-Za-z0-9_-]+)\\)");

    private static final int EXPANSION_ROUNDS = 32;
    private final Path srctree;
    private final Map<String, String> vars = new HashMap<>();
    private final KconfigTree tree = new KconfigTree();
    private final Deque<MenuNode> blocks = new ArrayDeque<>();
    private final Deque<String> open = new ArrayDeque<>();
    private MenuNode current;
    private String file;
    private int line;

    private KconfigReader(Path srctree, String srcarch) {
        this.srctree = srctree;
        vars.put("SRCARCH", srcarch);
        vars.put("ARCH", srcarch);
        vars.put("srctree", srctree.toString());
    }

    /** Parses {@code srctree/Kconfig} for {@code srcarch} (arm64, arm, x86 ...). */
    public static KconfigTree read(Path srctree, String srcarch) {
        if (!Files.isRegularFile(srctree.resolve("Kconfig")) || !Files.isDirectory(srctree.resolve("arch/" + srcarch))) {
            throw KforgeException.badInput(srctree + " is not a kernel source tree for " + srcarch
                    + " (no Kconfig or arch/" + srcarch + ")", "give --source the top of a Linux tree");
        }
        KconfigReader r = new KconfigReader(srctree, srcarch);
        MenuNode root = new MenuNode(MenuNode.Kind.ROOT, null, "Kconfig", 0, null);
        r.blocks.push(root);
        r.source("Kconfig");
        r.tree.link();
        return r.tree;
    }

    private void source(String relative) {
        Path path = srctree.resolve(relative);
        if (open.contains(relative)) throw error("'source \"" + relative + "\"' sources a file that is already open: a loop");
        if (open.size() >= Limits.SOURCE_DEPTH) throw error("'source' nested more than " + Limits.SOURCE_DEPTH + " files deep");
        if (!Files.isRegularFile(path)) throw error("cannot read " + relative + " (no such file)");
        List<String> lines;
        try {
            lines = List.of(new String(InputFile.read(path, Limits.FILE_BYTES, "Kconfig file"), StandardCharsets.UTF_8).split("\\R", -1));
        } catch (KforgeException e) {
            throw error(e.getMessage());
        }
        open.push(relative);
        String outerFile = file;
        int outerLine = line;
        int depth = blocks.size();
        file = relative;
        tree.countFile();
        current = null;
        for (int i = 0; i < lines.size(); i++) {
            line = i + 1;
            String text = lines.get(i);
            if (text.endsWith("\\")) {
                StringBuilder joined = new StringBuilder(text);
                while (joined.length() > 0 && joined.charAt(joined.length() - 1) == '\\' && i + 1 < lines.size()) {
                    joined.setLength(joined.length() - 1);
                    joined.append(lines.get(++i));
                    if (joined.length() > Limits.LINE_CHARS) throw error("a line joined by '\\' longer than " + Limits.LINE_CHARS + " characters");
                }
                text = joined.toString();
            }
            String first = text.strip();
            if (first.equals("help") || first.equals("---help---")) {
                i = skipHelp(lines, i + 1) - 1;
                continue;
            }
            statement(text);
        }
        if (blocks.size() != depth) throw error("block " + blocks.peek().header() + " opened at line "
                + blocks.peek().line + " is not closed in this file");
        open.pop();
        file = outerFile;
        line = outerLine;
        current = null;
    }

    /** Help text runs while lines are blank or indented at least as deep as its first line ({@code lexer.l}). */
    private static int skipHelp(List<String> lines, int from) {
        int first = -1;
        int i = from;
        for (; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) continue;
            int indent = indent(l);
            if (first < 0) first = indent;
            if (indent < first || first == 0) break;
        }
        return i;
    }

    private static int indent(String l) {
        int col = 0;
        for (char c : l.toCharArray()) {
            if (c == ' ') col++;
            else if (c == '\t') col = (col & ~7) + 8;
            else break;
        }
        return col;
    }

    private void statement(String raw) {
        String text = stripComment(raw).strip();
        if (text.isEmpty()) return;
        Matcher a = ASSIGN.matcher(text);
        if (text.indexOf('=') > 0 && a.matches()) {
            String value = a.group(2).equals(":=") ? expand(a.group(3)) : a.group(3);
            String merged = vars.merge(a.group(1), value, (old, v) -> a.group(2).equals("+=") ? old + " " + v : v);
            if (merged.length() > Limits.EXPANSION_CHARS) throw tooLong();
            return;
        }
        List<KconfigToken> t;
        try {
            t = KconfigToken.split(expand(text));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        String kw = t.get(0).text();
        if (kw.startsWith("$(") && t.size() == 1) return; // $(error-if,...) and friends: checks of the build host
        List<KconfigToken> rest = t.subList(1, t.size());
        try {
            switch (kw) {
                case "config", "menuconfig" -> {
                    String name = word(rest);
                    current = new MenuNode(MenuNode.Kind.CONFIG, blocks.peek(), file, line, name);
                    tree.define(name).definitions.add(current);
                }
                case "choice" -> open(MenuNode.Kind.CHOICE, rest.isEmpty() ? null : word(rest), null);
                case "menu" -> open(MenuNode.Kind.MENU, null, string(rest));
                case "if" -> {
                    open(MenuNode.Kind.IF, null, null);
                    current.depends = ExprParser.parse(rest);
                    current = null;
                }
                case "endchoice" -> close(MenuNode.Kind.CHOICE);
                case "endmenu" -> close(MenuNode.Kind.MENU);
                case "endif" -> close(MenuNode.Kind.IF);
                case "comment" -> {
                    current = new MenuNode(MenuNode.Kind.COMMENT, blocks.peek(), file, line, null);
                    current.prompt = string(rest);
                }
                case "source" -> source(string(rest));
                case "mainmenu" -> current = null;
                default -> attribute(kw, rest);
            }
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private void attribute(String kw, List<KconfigToken> rest) {
        if (current == null) throw new IllegalArgumentException("'" + kw + "' outside a config, menu or choice");
        int at = indexOfIf(rest);
        List<KconfigToken> head = at < 0 ? rest : rest.subList(0, at);
        Expr cond = at < 0 ? null : ExprParser.parse(rest.subList(at + 1, rest.size()));
        switch (kw) {
            case "bool", "tristate", "string", "int", "hex" -> {
                current.type = kw;
                if (!head.isEmpty()) prompt(head, cond);
            }
            case "def_bool", "def_tristate" -> {
                current.type = kw.substring(4);
                current.defaults.add(new MenuNode.Conditional(ExprParser.parse(head), cond, current));
            }
            case "prompt" -> prompt(head, cond);
            case "default" -> current.defaults.add(new MenuNode.Conditional(ExprParser.parse(head), cond, current));
            case "depends" -> {
                if (head.isEmpty() || !head.get(0).isWord("on")) throw new IllegalArgumentException("'depends' without 'on'");
                current.depends = Expr.and(current.depends, ExprParser.parse(head.subList(1, head.size())));
            }
            case "visible" -> {
                if (cond == null || !head.isEmpty()) throw new IllegalArgumentException("'visible' needs 'if EXPR'");
            }
            case "select" -> current.selects.add(new MenuNode.Conditional(new Expr.Sym(word(head), false), cond, current));
            case "imply" -> current.implies.add(new MenuNode.Conditional(new Expr.Sym(word(head), false), cond, current));
            case "range" -> {
                if (head.size() != 2) throw new IllegalArgumentException("'range' needs two values");
            }
            case "option", "modules", "optional", "allnoconfig_y", "transitional" -> { }
            default -> throw new IllegalArgumentException("unknown keyword '" + kw + "'");
        }
    }

    private void prompt(List<KconfigToken> head, Expr cond) {
        current.prompt = string(head);
        current.promptIf = cond;
    }

    private void open(MenuNode.Kind kind, String symbol, String prompt) {
        if (blocks.size() > Limits.BLOCK_NESTING) throw new IllegalArgumentException("if/menu/choice nested more than " + Limits.BLOCK_NESTING + " deep");
        current = new MenuNode(kind, blocks.peek(), file, line, symbol);
        current.prompt = prompt;
        blocks.push(current);
    }

    private void close(MenuNode.Kind kind) {
        if (blocks.peek().kind != kind) {
            throw new IllegalArgumentException("end" + kind.name().toLowerCase() + " without a matching "
                    + kind.name().toLowerCase() + " (open: " + blocks.peek().header() + ")");
        }
        blocks.pop();
        current = null;
    }

    private static int indexOfIf(List<KconfigToken> t) {
        for (int i = 0; i < t.size(); i++) if (t.get(i).isWord("if")) return i;
        return -1;
    }

    private static String word(List<KconfigToken> t) {
        if (t.size() != 1 || t.get(0).kind() != KconfigToken.Kind.WORD) throw new IllegalArgumentException("expected one name");
        return t.get(0).text();
    }

    private static String string(List<KconfigToken> t) {
        if (t.size() != 1) throw new IllegalArgumentException("expected one quoted string");
        return t.get(0).text();
    }

    /** Expands $(VAR) for known variables; function calls and unknown names stay as they are. */
    private String expand(String s) {
        for (int round = 0; s.contains("$("); round++) {
            if (round == EXPANSION_ROUNDS) throw error("a macro refers to itself: " + abbreviate(s));
            Matcher m = VAR.matcher(s);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String v = vars.get(m.group(1));
                if (v != null) changed = true;
                m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
                if (out.length() > Limits.EXPANSION_CHARS) throw tooLong();
            }
            m.appendTail(out);
            s = out.toString();
            if (!changed) break;
        }
        return s;
    }

    private KforgeException tooLong() {
        return error("a macro expands past " + Limits.EXPANSION_CHARS + " characters (does it refer to itself?)");
    }

    private static String abbreviate(String s) {
        return TerminalText.visible(s.length() > 60 ? s.substring(0, 57) + "..." : s);
    }

    private static String stripComment(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return s.substring(0, i);
            }
        }
        return s;
    }

    private KforgeException error(String message) {
        return KforgeException.badInput(file + ":" + line + ": " + message, "is this a Kconfig file of a Linux tree?");
    }
}
