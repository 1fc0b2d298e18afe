package org.kforge.bisect;

import java.nio.file.Path;

/** Builds the kernel of the commit the work tree is at. */
public interface KernelBuilder {
    /**
     * Builds the checked-out commit. A failed build is {@link Built#failed}; a host that lacks something throws a
     * {@link org.kforge.KforgeException} with exit 3, a mistake of the user's (no such fragment) one with exit 2.
     */
    Built build(String commit) throws InterruptedException;

    /** A build's result: the Image and its SHA-256 (null when the build failed, with the first error). */
    record Built(Path image, String sha256, double seconds, String error) {
        public static Built failed(String error, double seconds) {
            return new Built(null, null, seconds, error);
        }

        public boolean ok() {
            return error == null;
        }
    }
}
