package org.kforge.kconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprTest {
    private static Expr parse(String s) {
        return ExprParser.parse(KconfigToken.split(s));
    }

    /** Values: A=y, B=m, ARCH_X="arm64" (quoted, as in .config), N=0x10; C is unset. */
    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = " => ", textBlock = """
            A && B => m
            A || B => y
            !B => m
            !C => y
            B || !B => m
            C || !C => y
            !(A && C) && B => m
            B = m => y
            B != y => y
            N > 15 => y
            N < 0x10 => n
            C = n => y
            ARCH_X = "arm64" => y
            """)
    void evaluatesWithKconfigsTristateLogic(String expr, String expected) {
        Map<String, String> v = Map.of("A", "y", "B", "m", "ARCH_X", "\"arm64\"", "N", "0x10");
        assertThat(parse(expr).eval(v::get)).hasToString(expected);
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
