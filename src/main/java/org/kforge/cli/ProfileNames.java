package org.kforge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The built-in profiles' names, for shell completion of {@code --profile}: read from profiles/index.txt,
 * not from the profiles themselves, because picocli asks for them whenever it builds the command line
 * (every start), and parsing YAML there would load Jackson for {@code --version}.
 */
final class ProfileNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        try (InputStream in = ProfileNames.class.getResourceAsStream("/profiles/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList().iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
