package io.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.testing.MovableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunProgressTests {

    @Test
    void aTerminalGetsABarAndALogGetsAPlainLine() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        MovableClock clock = new MovableClock();
        RunProgress terminal = new RunProgress(out, 200, true, Duration.ofSeconds(30), clock, () -> 50);
        RunProgress log = new RunProgress(out, 200, false, Duration.ofSeconds(30), clock, () -> 50);

        // when 10 seconds have passed
        clock.advance(Duration.ofSeconds(10));

        assertThat(terminal.line(50)).isEqualTo("\r[#######                       ] 50/200 rows (25%), 5.0 rows/s, ETA 00:30");
        assertThat(log.line(50)).isEqualTo("Progress: 50/200 rows (25%), 5.0 rows/s, ETA 00:30");
        assertThat(log.line(200)).contains("200/200 rows (100%)", "ETA --:--");
        assertThat(new RunProgress(out, 0, false, Duration.ofSeconds(1), clock, () -> 0).line(0))
                .contains("0/0 rows (100%)");
    }
}
