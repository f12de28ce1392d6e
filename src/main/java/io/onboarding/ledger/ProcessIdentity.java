package io.onboarding.ledger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * One operating-system process on one host: its pid and start time (which tell a reused pid from the
 * process itself). Runs and claims are marked with it so that another process can tell a live holder
 * from one that was killed.
 *
 * @param started the process's start instant as text; empty when the platform does not say
 */
public record ProcessIdentity(String host, long pid, String started) {

    private static final ProcessIdentity CURRENT = new ProcessIdentity(localHost(), ProcessHandle.current().pid(),
            startOf(ProcessHandle.current()));

    /** This process. */
    public static ProcessIdentity current() {
        return CURRENT;
    }

    /** Whether this identity is the running process (same host, pid and start time). */
    public boolean isCurrent() {
        return equals(CURRENT);
    }

    /**
     * Whether the process is known to be gone: it ran on this host and no process with its pid and start
     * time is alive. A process on another host is never known dead here; only its lease tells.
     */
    public boolean isDeadHere() {
        return host.equals(CURRENT.host) && !isAlive(pid, started);
    }

    /** Whether a process with this pid and (when known) this start time is alive on this host. */
    public static boolean isAlive(long pid, String started) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> started.isEmpty() || startOf(process).equals(started))
                .isPresent();
    }

    /** The process's start instant as text, or empty. */
    public static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("");
    }

    @Override
    public String toString() {
        return "host " + host + ", process " + pid;
    }

    private static String localHost() {
        String configured = Optional.ofNullable(System.getenv("HOSTNAME")).filter(name -> !name.isBlank()).orElse(null);
        if (configured != null) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
