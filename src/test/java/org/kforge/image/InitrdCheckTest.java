package org.kforge.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;

class InitrdCheckTest {
    @TempDir
    Path tmp;

    private byte[] archive() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CpioNewcWriter cpio = new CpioNewcWriter(bytes)) {
            cpio.file("bin/busybox", 0755, new byte[1001]);
            cpio.symlink("bin/sh", "busybox");
            cpio.file("init", 0755, "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void writerMakesNewcWithParentsModesAndLinks() throws IOException {
        List<String> seen = new ArrayList<>();
        try (var in = new CpioArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(archive())))) {
            CpioArchiveEntry e;
            while ((e = in.getNextCPIOEntry()) != null) {
                seen.add(e.getName() + " " + Long.toOctalString(e.getMode()));
            }
        }
        assertThat(seen).containsExactly("bin 40755", "bin/busybox 100755", "bin/sh 120777", "init 100755");
    }

    @Test
    void aGoodArchivePasses() throws IOException {
        Path f = Files.write(tmp.resolve("ok.cpio.gz"), archive());
        assertThatCode(() -> InitrdCheck.verify(f)).doesNotThrowAnyException();
    }

    @Test
    void aTruncatedArchiveIsBadInput() throws IOException {
        byte[] a = archive();
        Path f = Files.write(tmp.resolve("cut.cpio.gz"), Arrays.copyOf(a, a.length / 2));
        assertThatThrownBy(() -> InitrdCheck.verify(f)).isInstanceOf(KforgeException.class)
                .hasMessageContaining("not a valid initramfs")
                .satisfies(e -> assertThat(((KforgeException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void randomBytesAreBadInputNamingTheOffset() throws IOException {
        Path f = Files.write(tmp.resolve("junk"), "this is not an initramfs at all\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> InitrdCheck.verify(f)).isInstanceOf(KforgeException.class)
                .hasMessageContaining("at byte 0");
    }

    @Test
    void aLyingNameSizeIsCaught() throws IOException {
        String header = "070701" + "0".repeat(8 * 11) + "7FFFFFFF" + "00000000";
        Path f = Files.write(tmp.resolve("liar.cpio"), header.getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> InitrdCheck.verify(f)).isInstanceOf(KforgeException.class)
                .hasMessageContaining("name size");
    }
}
