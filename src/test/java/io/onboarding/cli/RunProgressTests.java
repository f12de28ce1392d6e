package io.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunProgressTests {

    @Test
    void aTerminalGetsABarAndALogGetsAPlainLine() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        RunProgress terminal = new RunProgress(out, 200, true, Duration.ofSeconds(30), () -> 50);
        RunProgress log = new RunProgress(out, 200, false, Duration.ofSeconds(30), () -> 50);

        assertThat(terminal.line(50)).matches("\\r\\[#{7} {23}] 50/200 rows \\(25%\\), [0-9.]+ rows/s, ETA \\d\\d:\\d\\d");
        assertThat(log.line(50)).matches("Progress: 50/200 rows \\(25%\\), [0-9.]+ rows/s, ETA \\d\\d:\\d\\d");
        assertThat(log.line(200)).contains("200/200 rows (100%)", "ETA --:--");
        assertThat(new RunProgress(out, 0, false, Duration.ofSeconds(1), () -> 0).line(0)).contains("0/0 rows (100%)");
    }
}
