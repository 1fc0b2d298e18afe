package org.kforge.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fixed split, decided before any scoring: a case of the new corpus is held out when the
 * first byte of SHA-256 of its directory name is even. Cases of a corpus the rules were already
 * tuned on are never held out (see src/test/resources/corpus/README.md).
 */
public final class CorpusSplit {
    private CorpusSplit() {
    }

    public static CorpusCase.Split of(String caseName) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(caseName.getBytes(StandardCharsets.UTF_8));
            return (h[0] & 1) == 0 ? CorpusCase.Split.HELD_OUT : CorpusCase.Split.TUNING;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
