package org.kforge.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.kforge.Json;
import org.kforge.TerminalText;
import org.kforge.boot.BootPlan;
import org.kforge.build.KernelMake;
import org.kforge.kunit.KunitConfig;

/** {@code kforge test kunit --dry-run}: the config, the make lines, the kernel command line and the QEMU argv, as text or JSON. */
public final class KunitPlanText {
    private KunitPlanText() {
    }

    public static String render(KunitConfig config, KernelMake make, int jobs, boolean configured, BootPlan boot, boolean json) {
        KernelMake building = org.kforge.bisect.TreeBuilder.reproducible(make).with(List.of("-j" + jobs));
        List<String> olddefconfig = make.argv("olddefconfig");
        List<String> image = building.argv("Image");
        if (json) {
            ObjectNode n = Json.json().createObjectNode();
            n.put("source", config.source().toString());
            n.put("config", config.describe());
            n.put("build_dir", make.buildDir().toString());
            n.put("configured", configured);
            ArrayNode asked = n.putArray("asked");
            config.asked().forEach((name, v) -> asked.addObject().put("option", "CONFIG_" + name).put("value", v[0]).put("from", v[1]));
            Json.json().valueToTree(olddefconfig).forEach(n.putArray("olddefconfig_argv")::add);
            Json.json().valueToTree(image).forEach(n.putArray("make_argv")::add);
            n.put("cmdline", boot.cmdline());
            Json.json().valueToTree(boot.qemu().argv()).forEach(n.putArray("qemu_argv")::add);
            return Json.write(n) + "\n";
        }
        StringBuilder out = new StringBuilder();
        out.append("tree:     ").append(config.source()).append('\n');
        out.append("config:   ").append(config.describe()).append(configured ? " (made before: reused)" : "").append('\n');
        config.asked().forEach((name, v) -> {
            if (!v[1].contains("qemu-virt-arm64")) out.append("            CONFIG_").append(name).append('=').append(v[0]).append("   (").append(v[1]).append(")\n");
        });
        out.append("build:    ").append(make.buildDir()).append('\n');
        out.append("          ").append(make.commandLine("olddefconfig")).append('\n');
        out.append("          ").append(building.commandLine("Image")).append('\n');
        out.append("boot:     ").append(boot.profile().name()).append(", no initramfs (KUnit runs before userspace)\n");
        out.append("cmdline:  ").append(boot.cmdline()).append('\n');
        out.append("qemu:     ").append(boot.qemu().commandLine()).append('\n');
        return TerminalText.visible(out.toString());
    }
}
