package org.kforge.board;

import java.nio.file.Path;
import java.util.List;
import org.kforge.console.Event;
import org.kforge.console.Verdict;

/**
 * How a deploy ended: the trial boot's events and verdict; promoted into config.txt, or the release the board
 * fell back to (null when it did not come back), and whether config.txt is byte for byte as before (its sha256).
 */
public record DeployResult(List<Event> events, Verdict verdict, String release, String previousRelease, boolean promoted,
                           String fellBackTo, String configSha256Before, String configSha256After, Path consoleLog) {

    public boolean configUnchanged() {
        return configSha256Before != null && configSha256Before.equals(configSha256After);
    }
}
