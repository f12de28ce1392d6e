package io.onboarding.provisioning;

import io.onboarding.ledger.RowResult;

/**
 * A row's outcome and, in memory only, the first admin's password when this run set it — for the notice
 * and the credentials file, never for the database or a report. {@link #toString()} hides it.
 */
public record Provisioned(RowResult result, String adminPassword) {

    @Override
    public String toString() {
        return "Provisioned[result=" + result + ", adminPassword=" + (adminPassword == null ? "null" : "(hidden)") + "]";
    }
}
