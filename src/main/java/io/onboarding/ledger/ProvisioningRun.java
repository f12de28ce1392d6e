package io.onboarding.ledger;

import java.nio.file.Path;

/**
 * Who is working on customers: a run (its id and report folder) or, with no id, an operator's
 * {@code notify}, in a process. It claims the domains it works on and is named in the ledger as the run that
 * completed a customer and as the place its notice was written.
 *
 * @param id the run (Spring Batch job instance), or null for an operator's notify
 * @param folder where the run's reports and outbox go
 */
public record ProvisioningRun(Long id, Path folder, ProcessIdentity process) {

    /** A run in this process. */
    public static ProvisioningRun of(long id, Path folder) {
        return new ProvisioningRun(id, folder.toAbsolutePath().normalize(), ProcessIdentity.current());
    }

    /** An operator's notify in this process, writing into a folder of its own. */
    public static ProvisioningRun operator(Path folder) {
        return new ProvisioningRun(null, folder.toAbsolutePath().normalize(), ProcessIdentity.current());
    }

    /** In an operator's words: "run 12 (host h, process 345)". */
    public String describe() {
        return (id == null ? "an operator's notify" : "run " + id) + " (" + process + ")";
    }
}
