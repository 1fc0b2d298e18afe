package org.kforge.qemu.gdb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The register layout a stub describes in its target description XML (gdb/doc "Target
 * Descriptions"): the architecture, and the registers in regnum order across the included features.
 */
public record TargetDescription(String architecture, List<Register> registers) {
    private static final Pattern ARCH = Pattern.compile("<architecture>([^<]+)</architecture>");
    private static final Pattern INCLUDE = Pattern.compile("<xi:include\\s+href=\"([^\"]+)\"");
    private static final Pattern REG = Pattern.compile("<reg\\s[^>]*>");

    /** Reads an annex (target.xml or an included feature) through the stub. */
    public interface AnnexReader {
        String read(String annex) throws java.io.IOException;
    }

    public static TargetDescription read(AnnexReader stub) throws java.io.IOException {
        String target = stub.read("target.xml");
        Matcher a = ARCH.matcher(target);
        String arch = a.find() ? a.group(1).strip() : "unknown";
        List<Register> regs = new ArrayList<>(registers(target));
        Matcher inc = INCLUDE.matcher(target);
        while (inc.find()) regs.addAll(registers(stub.read(inc.group(1))));
        return new TargetDescription(arch, List.copyOf(regs));
    }

    static List<Register> registers(String xml) {
        List<Register> out = new ArrayList<>();
        Matcher m = REG.matcher(xml);
        while (m.find()) {
            String tag = m.group();
            out.add(new Register(attr(tag, "name"), Integer.parseInt(attr(tag, "bitsize"))));
        }
        return out;
    }

    private static String attr(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        if (!m.find()) throw new IllegalArgumentException("register without " + name + ": " + tag);
        return m.group(1);
    }
}
