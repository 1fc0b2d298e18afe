package org.kforge.dt;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.kforge.KforgeException;

/**
 * Damaged DTBs: the reader and everything built on it either work or give one KforgeException; never another
 * exception, never more than a bounded time, never an allocation out of proportion to the file.
 */
class DtFuzzTest {
    private static final byte[] SEED = SampleTrees.miniPi();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Property(tries = 500)
    void truncated(@ForAll @IntRange(min = 0, max = 2000) int length) {
        survives(Arrays.copyOf(SEED, Math.min(length, SEED.length)));
    }

    @Property(tries = 1500)
    void bitFlipped(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 100_000) Integer> bits) {
        byte[] b = SEED.clone();
        for (int bit : bits) b[(bit / 8) % b.length] ^= (byte) (1 << (bit % 8));
        survives(b);
    }

    @Property(tries = 1500)
    void lyingWord(@ForAll @IntRange(min = 0, max = 10_000) int word, @ForAll("liars") int value) {
        byte[] b = SEED.clone();
        int at = (word * 4) % (b.length - 3);
        java.nio.ByteBuffer.wrap(b).putInt(at & ~3, value);
        survives(b);
    }

    @Property(tries = 300)
    void randomBodyBehindARealHeader(@ForAll @Size(max = 600) byte[] body) {
        byte[] b = Arrays.copyOf(SEED, 40 + body.length);
        System.arraycopy(body, 0, b, 40, body.length);
        java.nio.ByteBuffer.wrap(b).putInt(4, b.length);
        survives(b);
    }

    @Provide
    Arbitrary<Integer> liars() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 2, 3, 4, 9, 0x7fffffff, 0xffffffff, 0x80000000, 0xd00dfeed, SEED.length,
                SEED.length + 1, 100, 1000, 0x10000), Arbitraries.integers());
    }

    /** Parses and uses the tree the way the commands do; only a KforgeException may come out. */
    static void survives(byte[] dtb) {
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        try {
            Fdt fdt = Fdt.parse(dtb, "fuzz.dtb");
            DtsWriter.source(fdt);
            for (FdtNode n : fdt.nodes()) {
                use(n);
            }
        } catch (KforgeException expected) {
            assertThat(expected.getMessage()).doesNotContain("\n");
        }
        assertThat(System.nanoTime() - start).as("time").isLessThan(2_000_000_000L);
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - allocated).as("bytes allocated")
                .isLessThan(400L * dtb.length + (4 << 20));
    }

    private static void use(FdtNode n) {
        try {
            DmaView v = DmaView.of(n);
            v.busFor(0x1000);
            if (!n.isRoot() && n.has("reg")) AddressTranslator.translate(n, AddressTranslator.reg(n, 0), AddressTranslator.RANGES);
        } catch (KforgeException expected) {
            assertThat(expected.getMessage()).doesNotContain("\n");
        }
    }
}
