package org.kforge.qemu.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The RSP client against a fake stub that speaks the real framing (see {@link FakeStub}). */
class GdbRemoteTest {
    private static final String TARGET = "<?xml version=\"1.0\"?><target><architecture>aarch64</architecture>"
            + "<xi:include href=\"core.xml\"/></target>";
    private static final String CORE = "<feature name=\"org.gnu.gdb.aarch64.core\">"
            + "<reg name=\"x0\" bitsize=\"64\" type=\"int\"/><reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/>"
            + "<reg name=\"cpsr\" bitsize=\"32\" type=\"int\"/></feature>";

    private static Function<String, String> aarch64(String gReply) {
        return p -> {
            if (p.startsWith("qSupported")) return "PacketSize=1000;qXfer:features:read+;QStartNoAckMode+";
            if (p.startsWith("qXfer:features:read:target.xml")) return "l" + TARGET;
            if (p.startsWith("qXfer:features:read:core.xml")) return "l" + CORE;
            if (p.equals("g")) return gReply;
            if (p.startsWith("m")) return "0*\"";   // run-length: '0' and 5 more = "000000" = 3 zero bytes
            if (p.startsWith("Z1")) return "OK";
            if (p.equals("c")) return "T05thread:01;";
            return "";
        };
    }

    @Test
    void registersAreDecodedByNameFromTheTargetDescription() throws Exception {
        String g = "0100000000000000" + "00000040" + "00000000" + "c5030040";
        try (FakeStub stub = new FakeStub(aarch64(g)); GdbRemote gdb = GdbRemote.connect("127.0.0.1", stub.port(), Duration.ofSeconds(5))) {
            Map<String, BigInteger> regs = gdb.registers();
            assertThat(gdb.description().architecture()).isEqualTo("aarch64");
            assertThat(regs).containsEntry("x0", BigInteger.ONE).containsEntry("pc", BigInteger.valueOf(0x40000000L))
                    .containsEntry("cpsr", BigInteger.valueOf(0x400003c5L));
            assertThat(stub.received).contains("QStartNoAckMode").doesNotContain("?");
        }
    }

    @Test
    void runLengthEncodedRepliesAreExpanded() throws Exception {
        try (FakeStub stub = new FakeStub(aarch64("")); GdbRemote gdb = GdbRemote.connect("127.0.0.1", stub.port(), Duration.ofSeconds(5))) {
            assertThat(gdb.readMemory(0x1000, 3)).containsExactly(0, 0, 0);
        }
        assertThat(RspConnection.decode("x* y".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("xxxxy");
        assertThat(RspConnection.decode("}\u0003".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("#");
    }

    @Test
    void aBadChecksumIsNakedAndTheResendIsTaken() throws Exception {
        try (FakeStub stub = new FakeStub(aarch64("")); RspConnection rsp = RspConnection.connect("127.0.0.1", stub.port(), Duration.ofSeconds(5))) {
            stub.corruptFirstReply = true;
            assertThat(rsp.request("qSupported")).startsWith("PacketSize=");
            assertThat(stub.resendsAsked).isEqualTo(1);
        }
    }

    @Test
    void aNakedPacketIsSentAgain() throws Exception {
        try (FakeStub stub = new FakeStub(aarch64("")); RspConnection rsp = RspConnection.connect("127.0.0.1", stub.port(), Duration.ofSeconds(5))) {
            stub.nakFirstPacket = true;
            assertThat(rsp.request("qSupported")).startsWith("PacketSize=");
            assertThat(stub.naksSent).isEqualTo(1);
            assertThat(stub.received).containsExactly("qSupported");
        }
    }

    @Test
    void aStubThatHangsUpIsAClearError() throws Exception {
        try (FakeStub stub = new FakeStub(aarch64("")); GdbRemote gdb = GdbRemote.connect("127.0.0.1", stub.port(), Duration.ofSeconds(5))) {
            stub.hangUpOn = "g";
            assertThatThrownBy(gdb::registers).isInstanceOf(RspException.class).hasMessageContaining("closed the connection");
        }
    }

    @Test
    void aSilentStubTimesOut() throws Exception {
        try (FakeStub stub = new FakeStub(p -> p.startsWith("qSupported") ? "PacketSize=1000" : null);
             RspConnection rsp = RspConnection.connect("127.0.0.1", stub.port(), Duration.ofMillis(300))) {
            rsp.request("qSupported");
            rsp.send("c");
            assertThatThrownBy(rsp::receive).isInstanceOf(RspTimeoutException.class).hasMessageContaining("no answer");
        }
    }

    @Test
    void framingAndStopReplies() {
        assertThat(FakeStub.ascii(RspConnection.frame("g"))).isEqualTo("$g#67");
        assertThat(StopReply.parse("T05thread:01;").signal()).isEqualTo(5);
        assertThat(StopReply.parse("W00").exited()).isTrue();
    }
}
