package org.kforge.qemu.gdb;

/**
 * Why the target stopped (gdb/doc "Stop Reply Packets"): a signal (5 = SIGTRAP for a breakpoint
 * or a step, 2 = SIGINT for an interrupt), or the process exited; {@code timedOut}: kforge
 * interrupted it because the stop it waited for did not come.
 */
public record StopReply(String raw, int signal, boolean exited, boolean timedOut) {

    public static StopReply parse(String reply) {
        if (reply.isEmpty()) throw new IllegalArgumentException("empty stop reply");
        char kind = reply.charAt(0);
        if ((kind == 'T' || kind == 'S') && reply.length() >= 3) {
            return new StopReply(reply, Integer.parseInt(reply.substring(1, 3), 16), false, false);
        }
        if (kind == 'W' || kind == 'X') return new StopReply(reply, -1, true, false);
        throw new IllegalArgumentException("not a stop reply: " + reply);
    }
}
