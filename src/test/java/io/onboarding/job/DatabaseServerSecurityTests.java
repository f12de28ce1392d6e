package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.onboarding.job.Jvms.JobProcess;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "the job's database is open to the network": with the default kind of URL (an H2 file with
 * AUTO_SERVER), the server a run opens for other processes listens on loopback only — pinned by the address of the
 * listening socket itself, not by a connection attempt that a machine without another address refuses anyway — and
 * a second process (history while the run goes on) still shares the database.
 */
@Tag("slow")
class DatabaseServerSecurityTests {

    @TempDir
    Path tmp;

    @Test
    void theServerOfARunningJobListensOnLoopbackOnlyAndASecondProcessStillSharesTheDatabase() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's table of sockets");
        String url = "jdbc:h2:file:" + tmp.resolve("data/onboarding") + ";AUTO_SERVER=TRUE";
        try (Jvms.Sandbox sandbox = Jvms.startSandbox()) {
            // given a run that goes on for a while (a slow Google, one worker)
            sandbox.post("delay?millis=500", "");
            Path input = Files.writeString(tmp.resolve("nightly.csv"), JobEndToEndTest.SIMPLE_HEADER
                    + JobEndToEndTest.customerRows("slow", 60));
            JobProcess run = JobProcess.run(input, sandbox.url(), url, tmp, "--onboarding.workers=1");
            try {
                // when it has opened the database and its server
                Path lockFile = tmp.resolve("data/onboarding.lock.db");
                Properties lock = awaitServer(lockFile, run);
                String[] server = lock.getProperty("server").split(":(?=\\d+$)");
                int port = Integer.parseInt(server[1]);

                // then the address it tells other processes is loopback, and so is every socket listening on its port
                assertThat(InetAddress.getByName(server[0].replaceAll("[\\[\\]]", "")).isLoopbackAddress())
                        .as(lock.getProperty("server")).isTrue();
                List<InetAddress> listening = listeningAddresses(port);
                assertThat(listening).as("sockets listening on port " + port).isNotEmpty()
                        .allSatisfy(address -> assertThat(address.isLoopbackAddress()).as(address.toString()).isTrue());
                for (InetAddress address : nonLoopbackAddresses()) {
                    assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(address, port), 2000))
                            .as(address.toString()).isInstanceOf(ConnectException.class);
                }

                // and a second process reads the run's database meanwhile
                JobProcess history = JobProcess.start("history", "--spring.datasource.url=" + url);
                assertThat(history.awaitExit()).as(history.output()).isZero();
                assertThat(history.output()).contains("nightly.csv");
                // the database and its files are the owner's only, and no output says the password
                assertThat(Files.getPosixFilePermissions(tmp.resolve("data")))
                        .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                String password = Files.readString(tmp.resolve("data/onboarding.db-password")).strip();
                assertThat(history.output()).doesNotContain(password);
                assertThat(run.output()).doesNotContain(password);
            } finally {
                run.kill();
            }
        }
    }

    private static Properties awaitServer(Path lockFile, JobProcess run) throws Exception {
        long deadline = System.nanoTime() + Jvms.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(lockFile)) {
                Properties lock = new Properties();
                lock.load(new StringReader(Files.readString(lockFile)));
                if (lock.getProperty("server") != null) {
                    return lock;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run never opened its database server:\n" + run.output());
    }

    /** The local addresses of the sockets listening on {@code port}, from Linux's /proc/net/tcp and tcp6. */
    private static List<InetAddress> listeningAddresses(int port) throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                // state 0A: LISTEN
                if ("0A".equals(fields[3]) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(InetAddress.getByAddress(kernelOrder(HexFormat.of().parseHex(local[0]))));
                }
            }
        }
        return addresses;
    }

    /** The kernel prints an address as 32-bit words in the machine's (little-endian) order: back to network order. */
    private static byte[] kernelOrder(byte[] printed) {
        byte[] address = new byte[printed.length];
        for (int word = 0; word < printed.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = printed[word + 3 - i];
            }
        }
        return address;
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()).toList();
    }
}
