package io.onboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's AUTO_SERVER, which lets a second process (status, stop, history) share the database of a running job,
 * listens on loopback only. Its own JVM: H2 reads its bind address once per process.
 */
@Tag("slow")
class DatabaseServerAddressSecurityTests {

    @TempDir
    Path tmp;

    @Test
    void theAutoServerListensOnLoopbackOnlyAndASecondProcessStillShares() throws Exception {
        // given the database held open by a process configured as the application is
        String url = "jdbc:h2:file:" + tmp.resolve("data/onboarding") + ";AUTO_SERVER=TRUE";
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), H2AutoServerProbe.class.getName(),
                "--spring.datasource.url=" + url, "--logging.file.name=" + tmp.resolve("probe.log"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.equals("OPEN")) {
                line = out.readLine();
            }
            assertThat(line).as("the probe opened the database").isEqualTo("OPEN");

            // when
            Properties lock = new Properties();
            try (Reader in = Files.newBufferedReader(tmp.resolve("data/onboarding.lock.db"), StandardCharsets.ISO_8859_1)) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

            // then the address H2 tells other processes, and the address its socket is bound to, are loopback
            assertThat(server.substring(0, server.lastIndexOf(':'))).isIn("localhost", "127.0.0.1");
            assumeThat(Path.of("/proc/net/tcp")).as("Linux shows listening sockets in /proc/net").exists();
            assertThat(listeningAddresses(port)).containsOnly("0100007F");
            String password = Files.readString(tmp.resolve("data/onboarding.db-password")).strip();
            try (Connection second = DriverManager.getConnection(url, "sa", password);
                    ResultSet one = second.createStatement().executeQuery("SELECT 1")) {
                assertThat(one.next()).isTrue();
            }
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    /** Local addresses (hex, as /proc/net/tcp writes them) of the sockets listening on a port, IPv4 and IPv6. */
    private static List<String> listeningAddresses(int port) throws Exception {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String row : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                String[] columns = row.trim().split("\\s+");
                String[] local = columns[1].split(":");
                if (local[1].equals(hexPort) && columns[3].equals("0A")) {
                    // An IPv4-mapped IPv6 loopback (::ffff:127.0.0.1) counts as 127.0.0.1.
                    addresses.add(local[0].replaceFirst("^0000000000000000FFFF0000", ""));
                }
            }
        }
        assertThat(addresses).as("a socket listens on port " + port).isNotEmpty();
        return addresses;
    }
}
