package org.kforge.dt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TreeDiffTest {
    @Test
    void reportsAddedRemovedAndChanged() {
        Fdt a = Fdt.parse(new DtbBuilder().begin("").string("model", "A").begin("old").end()
                .begin("soc").string("status", "okay").cells("x", 1).end().end().build(), "a");
        Fdt b = Fdt.parse(new DtbBuilder().begin("").string("model", "B").begin("soc").string("status", "okay")
                .prop("y", new byte[0]).end().begin("new").end().end().build(), "b");
        assertThat(TreeDiff.between(a, b)).extracting(Object::toString).containsExactly(
                "~ /:model: \"A\" -> \"B\"", "- /old", "- /soc:x = <0x01>", "+ /soc:y = (empty)", "+ /new");
        assertThat(TreeDiff.between(a, a)).isEmpty();
    }
}
