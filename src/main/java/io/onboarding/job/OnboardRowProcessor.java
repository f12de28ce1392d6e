package io.onboarding.job;

import static io.onboarding.csv.CustomerColumn.CUSTOMER_DOMAIN;
import static io.onboarding.csv.CustomerColumn.EXTERNAL_ID;

import io.onboarding.csv.CustomerRow;
import io.onboarding.google.GoogleAuthException;
import io.onboarding.ledger.Claim;
import io.onboarding.ledger.DomainClaims;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.ProvisioningRun;
import io.onboarding.ledger.RowResult;
import io.onboarding.notification.CustomerNotices;
import io.onboarding.provisioning.CustomerProvisioner;
import io.onboarding.provisioning.Provisioned;
import io.onboarding.validation.FieldError;
import io.onboarding.validation.RowValidation;
import io.onboarding.validation.RowValidator;
import io.onboarding.validation.ValidatedCustomer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.dao.DataAccessException;

/**
 * Turns one CSV row into its outcome: validate, then provision and hand the customer over (or, in a dry
 * run, stop at "valid"). Every
 * row gets an outcome — a bad row or a failed call is recorded, never thrown, so one row cannot stop
 * the file.
 */
class OnboardRowProcessor implements ItemProcessor<CustomerRow, RowResult> {

    private static final Logger log = LoggerFactory.getLogger(OnboardRowProcessor.class);

    private final RowValidator validator;
    private final CustomerProvisioner provisioner;
    private final CustomerNotices notices;
    private final DomainClaims claims;
    private final ProvisioningRun run;
    private final Map<Long, Long> duplicateOf;
    private final boolean dryRun;

    /**
     * @param duplicateOf line of a row → line of the earlier valid row with the same domain, found by
     *     the checkFile step
     */
    OnboardRowProcessor(RowValidator validator, CustomerProvisioner provisioner, CustomerNotices notices,
            DomainClaims claims, ProvisioningRun run, Map<Long, Long> duplicateOf, boolean dryRun) {
        this.validator = validator;
        this.provisioner = provisioner;
        this.notices = notices;
        this.claims = claims;
        this.run = run;
        this.duplicateOf = Map.copyOf(duplicateOf);
        this.dryRun = dryRun;
    }

    @Override
    public RowResult process(CustomerRow row) {
        try {
            RowValidation validation = validator.validate(row);
            List<String> warnings = new ArrayList<>(validation.warnings().stream().map(FieldError::toString).toList());
            RowResult result = outcome(row, validation, warnings);
            return result.with(warnings.isEmpty() ? null : String.join("; ", warnings),
                    result.outcome().needsAttention() ? row.inputCells() : List.of());
        } catch (GoogleAuthException | DataAccessException e) {
            // No row can succeed without credentials or a database: stop the run; resuming it continues here.
            throw e;
        } catch (RuntimeException e) {
            // A bug or an unforeseen answer must cost this row only, and say so.
            log.error("line {}: unexpected error", row.line(), e);
            return new RowResult(row.line(), trimmed(row.cell(CUSTOMER_DOMAIN)), null, Outcome.FAILED, null,
                    null, "unexpectedError", "Unexpected error (" + e.getClass().getSimpleName() + "); see the "
                            + "application log for line " + row.line() + ". Re-submit the row: steps already done "
                            + "are not repeated.",
                    null, row.inputCells());
        }
    }

    private RowResult outcome(CustomerRow row, RowValidation validation, List<String> warnings) {
        String domain = validation.customerDomain() != null ? validation.customerDomain()
                : trimmed(row.cell(CUSTOMER_DOMAIN));
        Long firstLine = duplicateOf.get(row.line());
        if (firstLine != null) {
            List<FieldError> problems = new ArrayList<>();
            problems.add(new FieldError(CUSTOMER_DOMAIN, "'" + domain + "' already appears on line "
                    + firstLine + " of this file; only that row is processed"));
            problems.addAll(validation.problems());
            return rejected(row, domain, Outcome.DUPLICATE_IN_FILE, problems);
        }
        if (!validation.isValid()) {
            Outcome outcome = validation.countryRefusal() != null ? Outcome.COUNTRY_NOT_ALLOWED : Outcome.INVALID;
            return rejected(row, domain, outcome, validation.problems());
        }
        if (dryRun) {
            return new RowResult(row.line(), domain, validation.customer().value(EXTERNAL_ID), Outcome.VALID, null,
                    validation.customer().adminEmail(), null, null, null, null);
        }
        return provisionAndHandOver(validation.customer(), warnings);
    }

    /** Under the domain's claim, from the first call to the notice: no other run works on it meanwhile. */
    private RowResult provisionAndHandOver(ValidatedCustomer customer, List<String> warnings) {
        String domain = customer.customerDomain();
        Optional<Claim> other = claims.claim(domain, run);
        if (other.isPresent()) {
            return new RowResult(customer.line(), domain, customer.value(EXTERNAL_ID), Outcome.HELD_BY_ANOTHER_RUN,
                    null, null, "heldByAnotherRun", "Another run is working on " + domain + " right now: " + other.get()
                            .describe() + ". Nothing was sent to Google for this row; that run's report tells how it "
                            + "ends. Re-submit this row only if it did not finish there.", null, null);
        }
        try {
            Provisioned provisioned = provisioner.provisionCustomer(customer, run);
            RowResult result = provisioned.result();
            if (result.outcome() == Outcome.ONBOARDED || result.outcome() == Outcome.TRANSFERRED) {
                String noticeProblem = notices.handOver(domain, provisioned.adminPassword(), run);
                if (noticeProblem != null) {
                    warnings.add(noticeProblem);
                }
            }
            return result;
        } finally {
            claims.release(domain, run);
        }
    }

    private static RowResult rejected(CustomerRow row, String domain, Outcome outcome, List<FieldError> problems) {
        String fields = problems.stream().map(FieldError::field).distinct().collect(Collectors.joining(" "));
        // In a row with shifted cells the externalId column may hold a secret: do not echo it.
        String externalId = row.formatError() == null ? trimmed(row.cell(EXTERNAL_ID)) : null;
        return new RowResult(row.line(), domain, externalId, outcome, null, null, fields, join(problems), null, null);
    }

    private static String join(List<FieldError> problems) {
        return problems.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }

    private static String trimmed(String cell) {
        return cell == null ? null : cell.strip();
    }
}
