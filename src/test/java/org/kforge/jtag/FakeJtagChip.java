package org.kforge.jtag;

import java.io.BufferedInputStream;
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
 * an ARM DAP), IDCODE (IR 0b1110, selected at reset), BYPASS (IR 0b1111 and every other
 * instruction) and, unless {@link #idcodeOnly}, a JTAG-DP on DPACC/APACC (IR 0b1010/0b1011) just
 * deep enough for OpenOCD's init with Debian's target/bcm2711.cfg: it powers up; all AP and memory
 * reads are 0, so the "cores" never halt.
 * {@link Tdo#STUCK_LOW}/{@link Tdo#STUCK_HIGH}: no chip, a TDO line held at 0 (unpowered target) or 1 (pull-up).
 */
final class FakeJtagChip implements AutoCloseable {
    static final long BCM2711_DAP = 0x4ba00477L;
    static final int IR_IDCODE = 0b1110;
    static final int IR_DPACC = 0b1010;
    static final int IR_APACC = 0b1011;
    private static final int ACK_OK = 0b010;
    private static final int IR_LENGTH = 4;
    private static final int IR_CAPTURE = 0b0001;

    enum Tdo { CHIP, STUCK_LOW, STUCK_HIGH }

    private final ServerSocket server;
    private final long idcode;
    private final Tdo tdoMode;
    private final boolean debugPort;
    private final Thread thread;
    final AtomicInteger idcodeReads = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();

    private TapState state = TapState.RESET;
    private int ir = IR_IDCODE;
    private long shift;
    private int shiftLength;
    private boolean tck;
    private long ctrlStat;
    private long select;
    private long readResult;

    FakeJtagChip(long idcode, Tdo tdo, boolean debugPort) throws IOException {
        this.idcode = idcode;
        this.tdoMode = tdo;
        this.debugPort = debugPort;
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "fake-jtag-chip");
        thread.setDaemon(true);
        thread.start();
    }

    FakeJtagChip(long idcode, Tdo tdo) throws IOException {
        this(idcode, tdo, true);
    }

    /** A chip whose TAP answers {@code idcode}, with a JTAG-DP behind it. */
    static FakeJtagChip answering(long idcode) throws IOException {
        return new FakeJtagChip(idcode, Tdo.CHIP, true);
    }

    /** A TAP that answers its IDCODE and nothing behind it: DPACC/APACC act as BYPASS. */
    static FakeJtagChip idcodeOnly(long idcode) throws IOException {
        return new FakeJtagChip(idcode, Tdo.CHIP, false);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept(); InputStream in = new BufferedInputStream(s.getInputStream());
                 OutputStream out = s.getOutputStream()) {
                s.setTcpNoDelay(true);
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
                } else if (debugPort && (ir == IR_DPACC || ir == IR_APACC)) {
                    load((readResult << 3) | ACK_OK, 35);
                } else {
                    load(0, 1); // BYPASS captures 0
                }
            }
            case SHIFT_IR, SHIFT_DR -> shift = (shift >>> 1) | ((tdi ? 1L : 0L) << (shiftLength - 1));
            default -> { }
        }
        state = state.next(tms);
        if (state == TapState.UPDATE_IR) ir = (int) (shift & ((1 << IR_LENGTH) - 1));
        if (state == TapState.UPDATE_DR && debugPort && (ir == IR_DPACC || ir == IR_APACC)) access(ir == IR_DPACC, shift);
        if (state == TapState.RESET) ir = IR_IDCODE;
    }

    /**
     * A JTAG-DP access (ARM ADIv5 3.4.3, DPACC/APACC scan chain: RnW, A[3:2], 32 data bits). The debug
     * port powers up when asked (CTRL/STAT's ACK bits follow its REQ bits); every AP register reads 0:
     * there is no MEM-AP, and so no core, behind it.
     */
    private void access(boolean dp, long scan) {
        boolean read = (scan & 1) != 0;
        int a = (int) ((scan >>> 1) & 3) << 2;
        long data = (scan >>> 3) & 0xffffffffL;
        if (!dp) {
            if (read) readResult = 0;
            return;
        }
        switch (a) {
            case 0x4 -> {
                if (read) {
                    readResult = ctrlStat | ((ctrlStat & (1L << 30)) << 1) | ((ctrlStat & (1L << 28)) << 1);
                } else {
                    ctrlStat = data;
                }
            }
            case 0x8 -> {
                if (read) readResult = select; else select = data;
            }
            default -> { } // RDBUFF: the previous read's result again
        }
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
