package org.kforge.kconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprTest {
    private static Expr parse(String s) {
        return ExprParser.parse(KconfigToken.split(s));
    }

    private static Tristate eval(String s, Map<String, String> values) {
        return parse(s).eval(values::get);
    }

    @Test
    void tristateLogicFollowsKconfig() {
        Map<String, String> v = Map.of("A", "y", "B", "m");
        assertThat(eval("A && B", v)).isEqualTo(Tristate.M);
        assertThat(eval("A || B", v)).isEqualTo(Tristate.Y);
        assertThat(eval("!B", v)).isEqualTo(Tristate.M);
        assertThat(eval("!C", v)).isEqualTo(Tristate.Y);
        assertThat(eval("B || !B", v)).isEqualTo(Tristate.M);
        assertThat(eval("C || !C", v)).isEqualTo(Tristate.Y);
        assertThat(eval("!(A && C) && B", v)).isEqualTo(Tristate.M);
    }

    @Test
    void comparisonsReadStringsAndNumbers() {
        Map<String, String> v = Map.of("ARCH_X", "\"arm64\"", "N", "0x10", "B", "m");
        assertThat(eval("B = m", v)).isEqualTo(Tristate.Y);
        assertThat(eval("B != y", v)).isEqualTo(Tristate.Y);
        assertThat(eval("N > 15", v)).isEqualTo(Tristate.Y);
        assertThat(eval("N < 0x10", v)).isEqualTo(Tristate.N);
        assertThat(eval("C = n", v)).isEqualTo(Tristate.Y);
    }

    @Test
    void precedenceIsOrBelowAndBelowNot() {
        assertThat(parse("A || B && !C").toString()).isEqualTo("A || B && !C");
        assertThat(parse("(A || B) && C")).isInstanceOf(Expr.And.class);
        assertThat(parse("A=y || B")).isInstanceOf(Expr.Or.class);
    }

    @Test
    void brokenExpressionsAreRefused() {
        assertThatThrownBy(() -> parse("A &&")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("(A || B")).hasMessageContaining("')'");
        assertThatThrownBy(() -> parse("A & B")).hasMessageContaining("stray");
    }
}
