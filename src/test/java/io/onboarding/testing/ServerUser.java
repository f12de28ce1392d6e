package io.onboarding.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The user PostgreSQL's programs run as. PostgreSQL refuses to run as root (initdb and postgres stop at once), and
 * the build and CI run as root: there they run as Debian's {@code nobody}, through util-linux's setpriv (on every
 * Debian machine, and no PAM session or login shell needed, unlike su); anyone else runs them as themselves.
 *
 * @param uid the numeric user id, or -1 for the JVM's own user
 * @param gid the numeric group id, or -1 for the JVM's own group
 */
record ServerUser(int uid, int gid) {

    static final String UNPRIVILEGED = "nobody";

    private static final ServerUser SELF = new ServerUser(-1, -1);

    static ServerUser forThisJvm() {
        return jvmRunsAsRoot() ? unprivileged() : SELF;
    }

    static boolean jvmRunsAsRoot() {
        try {
            // /proc/self belongs to the process's effective user.
            return (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isSelf() {
        return uid < 0;
    }

    /** The command that runs {@code command} as this user. */
    List<String> command(List<String> command) {
        if (isSelf()) {
            return command;
        }
        List<String> asUser = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        asUser.addAll(command);
        return asUser;
    }

    /** Gives {@code path} to this user, so that the server can write there. */
    void own(Path path) throws IOException {
        if (!isSelf()) {
            Files.setAttribute(path, "unix:uid", uid);
            Files.setAttribute(path, "unix:gid", gid);
        }
    }

    private static ServerUser unprivileged() {
        // getent asks the system's user database (NSS), whatever it is made of.
        try {
            Process getent = new ProcessBuilder("getent", "passwd", UNPRIVILEGED).redirectErrorStream(true).start();
            String entry = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!getent.waitFor(10, TimeUnit.SECONDS) || getent.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL refuses to run as root, and this machine has no user '"
                        + UNPRIVILEGED + "' to run it as (getent passwd " + UNPRIVILEGED + ": " + entry + ")");
            }
            String[] fields = entry.split(":");
            return new ServerUser(Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
        } catch (IOException e) {
            throw new UncheckedIOException("Looking up the user '" + UNPRIVILEGED + "' failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
