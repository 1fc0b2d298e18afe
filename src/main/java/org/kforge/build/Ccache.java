package org.kforge.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kforge.asset.CacheDir;

/** ccache in front of the compiler, as make variables: when it is installed and not disabled; its files under kforge's cache unless CCACHE_DIR says where. */
public final class Ccache {
    private Ccache() {
    }

    public static List<String> variables(Toolchain tc, CacheDir cache, Map<String, String> env) {
        // CCACHE_DISABLE is ccache's own "bypass me" (ccache(1), "disable")
        if (tc.llvm() || env.get("CCACHE_DISABLE") != null || !Toolchain.onPath("ccache", env.getOrDefault("PATH", ""))) {
            return List.of();
        }
        List<String> vars = new ArrayList<>(List.of("CC=ccache " + tc.crossCompile() + "gcc"));
        if (env.get("CCACHE_DIR") == null) vars.add("CCACHE_DIR=" + cache.dir("ccache"));
        return vars;
    }
}
