package io.onboarding.job;

import io.onboarding.csv.CustomerRow;
import io.onboarding.google.GoogleAuthException;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.RowResult;
import io.onboarding.notification.CustomerNotices;
import io.onboarding.provisioning.CustomerProvisioner;
import io.onboarding.provisioning.Provisioned;
import io.onboarding.validation.FieldError;
import io.onboarding.validation.RowValidation;
import io.onboarding.validation.RowValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final Path runFolder;
    private final Map<Long, Long> duplicateOf;
    private final boolean dryRun;
    private final long runId;

    /**
     * @param duplicateOf line of a row → line of the earlier valid row with the same domain, found by
     *     the checkFile step
     */
    OnboardRowProcessor(RowValidator validator, CustomerProvisioner provisioner, CustomerNotices notices,
            Path runFolder, Map<Long, Long> duplicateOf, boolean dryRun, long runId) {
        this.validator = validator;
        this.provisioner = provisioner;
        this.notices = notices;
        this.runFolder = runFolder;
        this.duplicateOf = Map.copyOf(duplicateOf);
        this.dryRun = dryRun;
        this.runId = runId;
    }

    @Override
    public RowResult process(CustomerRow row) {
        try {
            RowValidation validation = validator.validate(row);
            List<String> warnings = new ArrayList<>(validation.warnings().stream().map(FieldError::toString).toList());
            RowResult result = outcome(row, validation, warnings);
            return result.with(warnings.isEmpty() ? null : String.join("; ", warnings),
                    result.outcome().needsAttention() ? row.cells() : List.of());
        } catch (GoogleAuthException | DataAccessException e) {
            // No row can succeed without credentials or a database: stop the run; resuming it continues here.
            throw e;
        } catch (RuntimeException e) {
            // A bug or an unforeseen answer must cost this row only, and say so.
            log.error("line {}: unexpected error", row.line(), e);
            return new RowResult(row.line(), trimmed(row.customerDomain()), null, Outcome.FAILED, null, null,
                    "unexpectedError", "Unexpected error (" + e.getClass().getSimpleName() + "); see the application "
                            + "log for line " + row.line() + ". Re-submit the row: steps already done are not repeated.",
                    null, row.cells());
        }
    }

    private RowResult outcome(CustomerRow row, RowValidation validation, List<String> warnings) {
        String domain = validation.customerDomain() != null ? validation.customerDomain() : trimmed(row.customerDomain());
        Long firstLine = duplicateOf.get(row.line());
        if (firstLine != null) {
            List<FieldError> problems = new ArrayList<>();
            problems.add(new FieldError("customerDomain", "'" + domain + "' already appears on line " + firstLine
                    + " of this file; only that row is processed"));
            problems.addAll(validation.problems());
            return rejected(row, domain, Outcome.DUPLICATE_IN_FILE, problems);
        }
        if (!validation.isValid()) {
            Outcome outcome = validation.countryRefusal() != null ? Outcome.COUNTRY_NOT_ALLOWED : Outcome.INVALID;
            return rejected(row, domain, outcome, validation.problems());
        }
        if (dryRun) {
            return new RowResult(row.line(), domain, validation.customer().externalId(), Outcome.VALID, null,
                    validation.customer().adminEmail(), null, null, null, null);
        }
        Provisioned provisioned = provisioner.provisionCustomer(validation.customer(), runId);
        RowResult result = provisioned.result();
        if (result.outcome() == Outcome.ONBOARDED || result.outcome() == Outcome.TRANSFERRED) {
            String noticeProblem = notices.handOver(validation.customer().customerDomain(),
                    provisioned.adminPassword(), runFolder);
            if (noticeProblem != null) {
                warnings.add(noticeProblem);
            }
        }
        return result;
    }

    private static RowResult rejected(CustomerRow row, String domain, Outcome outcome, List<FieldError> problems) {
        String fields = problems.stream().map(FieldError::field).distinct().collect(Collectors.joining(" "));
        // In a row with shifted cells the externalId column may hold a secret: do not echo it.
        String externalId = row.formatError() == null ? trimmed(row.externalId()) : null;
        return new RowResult(row.line(), domain, externalId, outcome, null, null, fields, join(problems), null, null);
    }

    private static String join(List<FieldError> problems) {
        return problems.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }

    private static String trimmed(String cell) {
        return cell == null ? null : cell.strip();
    }
}
