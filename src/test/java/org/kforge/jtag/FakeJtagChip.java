package org.kforge.jtag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JTAG chip for tests, behind OpenOCD's remote_bitbang protocol (doc/manual/jtag/drivers/
 * remote_bitbang.txt): '0'-'7' set TCK, TMS, TDI (bits 2, 1, 0); 'R' reads TDO as '0'/'1'; 'r'-'u'
 * set TRST/SRST; 'B'/'b' blink; 'Q' quits. Behind it one TAP with a 4-bit IR (capture 0b0001, as
 * an ARM DAP), IDCODE (IR 0b1110, selected at reset) and BYPASS (IR 0b1111 and every other
 * instruction: DPACC/APACC are not modelled, there is no debug port behind the TAP).
 * {@link Tdo#STUCK_LOW}/{@link Tdo#STUCK_HIGH}: no chip, a TDO line held at 0 (unpowered target) or 1 (pull-up).
 */
final class FakeJtagChip implements AutoCloseable {
    static final long BCM2711_DAP = 0x4ba00477L;
    static final int IR_IDCODE = 0b1110;
    private static final int IR_LENGTH = 4;
    private static final int IR_CAPTURE = 0b0001;

    enum Tdo { CHIP, STUCK_LOW, STUCK_HIGH }

    private final ServerSocket server;
    private final long idcode;
    private final Tdo tdoMode;
    private final Thread thread;
    final AtomicInteger idcodeReads = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();

    private TapState state = TapState.RESET;
    private int ir = IR_IDCODE;
    private long shift;
    private int shiftLength;
    private boolean tck;

    FakeJtagChip(long idcode, Tdo tdo) throws IOException {
        this.idcode = idcode;
        this.tdoMode = tdo;
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "fake-jtag-chip");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeJtagChip answering(long idcode) throws IOException {
        return new FakeJtagChip(idcode, Tdo.CHIP);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                reset();
                for (int c; (c = in.read()) >= 0 && c != 'Q'; ) {
                    if (c == 'R') {
                        out.write(tdo() ? '1' : '0');
                        out.flush();
                    } else if (c >= '0' && c <= '7') {
                        pins((c & 4) != 0, (c & 2) != 0, (c & 1) != 0);
                    } else if (c == 't' || c == 'u') {
                        reset(); // TRST asserted: the TAP goes to Test-Logic-Reset
                    }
                    // 'B'/'b' (LED), 'r'/'s' (TRST released, SRST either way): nothing to model
                }
            } catch (IOException e) {
                // OpenOCD went away; wait for the next one
            }
        }
    }

    private synchronized void reset() {
        state = TapState.RESET;
        ir = IR_IDCODE;
        resets.incrementAndGet();
    }

    /** TDO while TCK is low: the bit a Shift state will shift out next. */
    private synchronized boolean tdo() {
        return switch (tdoMode) {
            case STUCK_LOW -> false;
            case STUCK_HIGH -> true;
            case CHIP -> (state == TapState.SHIFT_DR || state == TapState.SHIFT_IR) && (shift & 1) != 0;
        };
    }

    private synchronized void pins(boolean newTck, boolean tms, boolean tdi) {
        boolean rising = newTck && !tck;
        tck = newTck;
        if (!rising) return;
        switch (state) {
            case CAPTURE_IR -> load(IR_CAPTURE, IR_LENGTH);
            case CAPTURE_DR -> {
                if (ir == IR_IDCODE) {
                    idcodeReads.incrementAndGet();
                    load(idcode, 32);
                } else {
                    load(0, 1); // BYPASS captures 0
                }
            }
            case SHIFT_IR, SHIFT_DR -> shift = (shift >>> 1) | ((tdi ? 1L : 0L) << (shiftLength - 1));
            default -> { }
        }
        state = state.next(tms);
        if (state == TapState.UPDATE_IR) ir = (int) (shift & ((1 << IR_LENGTH) - 1));
        if (state == TapState.RESET) ir = IR_IDCODE;
    }

    private void load(long value, int length) {
        shift = value;
        shiftLength = length;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
